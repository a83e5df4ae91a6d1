//! The operating system's error messages in Dutch. Its own texts ("No such file or
//! directory (os error 2)") are English, so they are never shown: every kind of error
//! has a Dutch text here, and the caller names the path.

use std::io::{Error, ErrorKind};

/// What went wrong, in Dutch, for "kan `pad` niet lezen: …".
pub fn dutch_io(err: &Error) -> String {
    let text = match err.kind() {
        ErrorKind::NotFound => "het bestand of de map bestaat niet",
        ErrorKind::PermissionDenied => "geen toestemming",
        ErrorKind::IsADirectory => "dit is een map, geen bestand",
        ErrorKind::NotADirectory => "dit is een bestand, geen map",
        ErrorKind::AlreadyExists => "dit bestaat al",
        ErrorKind::DirectoryNotEmpty => "de map is niet leeg",
        ErrorKind::StorageFull => "de schijf is vol",
        ErrorKind::QuotaExceeded => "de schijfruimte die u mag gebruiken is op",
        ErrorKind::FileTooLarge => "het bestand is te groot",
        ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen",
        ErrorKind::InvalidData => "de inhoud is niet te lezen",
        ErrorKind::InvalidInput => "de naam of de opdracht is ongeldig",
        ErrorKind::InvalidFilename => "de naam is ongeldig of te lang",
        ErrorKind::TooManyLinks => "te veel verwijzingen (links) achter elkaar",
        ErrorKind::CrossesDevices => "dit kan niet tussen twee schijven",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "het bestand is in gebruik door een ander programma"
        }
        ErrorKind::WouldBlock | ErrorKind::TimedOut => "het duurde te lang",
        ErrorKind::Deadlock => "twee programma's wachten op elkaar",
        ErrorKind::NotSeekable => "dit is geen gewoon bestand",
        ErrorKind::BrokenPipe => "de uitvoer is gesloten",
        ErrorKind::WriteZero => "er kon niets meer geschreven worden",
        ErrorKind::UnexpectedEof => "het bestand houdt onverwacht op",
        ErrorKind::Interrupted => "onderbroken",
        ErrorKind::OutOfMemory => "er is te weinig geheugen",
        ErrorKind::Unsupported => "dit kan niet op dit systeem",
        ErrorKind::ArgumentListTooLong => "de opdracht is te lang",
        ErrorKind::StaleNetworkFileHandle
        | ErrorKind::ConnectionRefused
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::NetworkDown
        | ErrorKind::NotConnected
        | ErrorKind::AddrInUse
        | ErrorKind::AddrNotAvailable => "de netwerkschijf is niet bereikbaar",
        // `FilesystemLoop` (a link that points at itself) is not a stable kind yet.
        kind if format!("{kind:?}") == "FilesystemLoop" => {
            "te veel verwijzingen (links) achter elkaar"
        }
        // The system's own text is English: give its number, for whoever helps.
        _ => {
            return match err.raw_os_error() {
                Some(code) => format!("het systeem meldt fout {code}"),
                None => "het systeem meldt een fout".into(),
            };
        }
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_system_errors_have_their_own_dutch_text() {
        // ENOENT, EACCES, EEXIST, ENOTDIR, EISDIR, ENOSPC, EROFS, ENAMETOOLONG, ELOOP, ENOTEMPTY
        for (code, dutch) in [
            (2, "het bestand of de map bestaat niet"),
            (13, "geen toestemming"),
            (17, "dit bestaat al"),
            (20, "dit is een bestand, geen map"),
            (21, "dit is een map, geen bestand"),
            (28, "de schijf is vol"),
            (30, "de schijf is alleen-lezen"),
            (36, "de naam is ongeldig of te lang"),
            (40, "te veel verwijzingen (links) achter elkaar"),
            (39, "de map is niet leeg"),
        ] {
            assert_eq!(
                dutch_io(&Error::from_raw_os_error(code)),
                dutch,
                "errno {code}"
            );
        }
    }

    #[test]
    fn no_system_error_shows_the_system_text() {
        for code in 1..134 {
            let err = Error::from_raw_os_error(code);
            let english = err.to_string();
            let english = english.split(" (os error").next().unwrap_or(&english);
            let dutch = dutch_io(&err);
            assert!(
                !dutch.contains(english) && !dutch.contains("os error"),
                "{dutch}"
            );
        }
        assert_eq!(
            dutch_io(&Error::other("disk on fire")),
            "het systeem meldt een fout"
        );
    }
}
