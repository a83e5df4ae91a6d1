//! A minimal, sealed `typst::World`: one in-memory main source, a few
//! in-memory files, embedded fonts, a fixed date. It never touches the file
//! system, the network or the clock, so what a document may read is exactly
//! what the caller put in.

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Font files compiled into the binary. Open Sans is the house face; DejaVu
/// Sans is the fallback for symbols Open Sans lacks (a missing glyph is a
/// PDF/UA error); DejaVu Sans Mono is typst's default face for `raw`.
const FONT_FILES: &[&[u8]] = &[
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/OpenSans-Regular.ttf"
    )),
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/OpenSans-Bold.ttf"
    )),
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/OpenSans-Italic.ttf"
    )),
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/OpenSans-BoldItalic.ttf"
    )),
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/DejaVuSans.ttf"
    )),
    include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/DejaVuSansMono.ttf"
    )),
];

/// Fonts parsed once per process; parsing is cheap but not free and the
/// book must be identical between compilations for comemo's cache.
struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn font_set() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        FontSet {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// The standard library, built once: it is large and never changes here.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// Family names of the embedded fonts, as typst reports them, sorted.
pub fn font_families() -> Vec<String> {
    let mut names: Vec<String> = font_set()
        .book
        .families()
        .map(|(name, _)| name.to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Whether `family` (case-insensitive, as typst matches) is embedded.
pub fn has_family(family: &str) -> bool {
    font_set().book.contains_family(&family.to_lowercase())
}

/// A calendar date, passed in so output is reproducible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub(crate) fn to_datetime(self) -> Option<Datetime> {
        Datetime::from_ymd(self.year, self.month, self.day)
    }
}

/// The world one compilation sees.
pub struct MemoryWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

/// A file id in the project root for an absolute virtual path like `/logo`.
pub(crate) fn file_id(path: &str) -> FileId {
    // Our paths are constants we choose; they are always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").unwrap());
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl MemoryWorld {
    /// `files` maps absolute virtual paths (`/logo`) to their bytes.
    pub fn new(main: String, files: Vec<(String, Vec<u8>)>, today: Date) -> Self {
        let main = Source::new(file_id("/main.typ"), main);
        let files = files
            .into_iter()
            .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
            .collect();
        Self {
            main,
            files,
            today: today.to_datetime(),
        }
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &font_set().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        // Anything not handed in does not exist: no disk, no packages.
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        font_set().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
