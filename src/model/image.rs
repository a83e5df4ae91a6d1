//! Images in the texts: where they may come from, what they are (sniffed from their
//! bytes, never from the name) and their size, so that every format can embed them
//! without a request to the web.

/// The image formats every output can embed: HTML (as a `data:` address), Word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    /// From the first bytes of the file (its "magic number").
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
}

/// An image file of the repository, read and recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
    /// Width and height in pixels, from the header (a file without them is refused).
    pub size: (u32, u32),
}

/// Larger image files are refused: a document is mailed, not a photo album.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

impl Image {
    /// The image in `bytes`, if it is a PNG or JPEG file.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Image> {
        let kind = ImageKind::sniff(&bytes)?;
        let size = match kind {
            ImageKind::Png => png_size(&bytes),
            ImageKind::Jpeg => jpeg_size(&bytes),
        }
        .filter(|&(w, h)| w > 0 && h > 0)?;
        Some(Image { kind, bytes, size })
    }

    /// The image as a `data:` address, for an HTML `img`: no request, no file beside it.
    pub fn data_url(&self) -> String {
        format!("data:{};base64,{}", self.kind.mime(), base64(&self.bytes))
    }

    /// The bytes back from an address made by [`Image::data_url`]; `None` for any other.
    pub fn from_data_url(url: &str) -> Option<Image> {
        let rest = url.strip_prefix("data:")?;
        let (mime, data) = rest.split_once(";base64,")?;
        let image = Image::from_bytes(unbase64(data)?)?;
        (image.kind.mime() == mime).then_some(image)
    }
}

/// Whether a file name is an image's (`.png`, `.jpg`, `.jpeg`): such a file beside the
/// texts is read as an image when a text shows it, never as a text.
pub fn is_image_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg"].iter().any(|e| lower.ends_with(e))
}

/// Whether `url` is an embedded PNG or JPEG (`data:image/png;base64,…`), the only
/// image address an output may carry.
pub fn is_embedded(url: &str) -> bool {
    ["data:image/png;base64,", "data:image/jpeg;base64,"]
        .iter()
        .any(|p| url.strip_prefix(p).is_some_and(is_base64))
}

/// Whether an image address points outside the repository: a scheme (`https:`,
/// `ftp:`, …) or a host (`//host/x`, and `\\host` or `/\host`, which browsers read
/// the same). Browsers drop tabs and line breaks inside an address and spaces and
/// control characters around it, so this does too. `data:` stays local: it fetches
/// nothing (the formats show it as its text).
pub fn is_remote(url: &str) -> bool {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if ["//", "\\\\", "/\\", "\\/"]
        .iter()
        .any(|p| url.starts_with(p))
    {
        return true;
    }
    let scheme_end = url.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme_end {
        Some(end) if end > 0 && url[end..].starts_with(':') => {
            let scheme = &url[..end];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && !scheme.eq_ignore_ascii_case("data")
        }
        _ => false,
    }
}

fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    // The IHDR chunk comes first: width and height at bytes 16 and 20.
    let be = |at: usize| Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?));
    (b.get(12..16)? == b"IHDR").then_some(())?;
    Some((be(16)?, be(20)?))
}

fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    // Walk the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).
    let mut at = 2;
    // A frame header needs 9 bytes from its marker: height at +5, width at +7.
    while at + 9 <= b.len() {
        if b[at] != 0xFF {
            return None;
        }
        let marker = b[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = u16::from_be_bytes([b[at + 2], b[at + 3]]) as usize;
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let h = u16::from_be_bytes([b[at + 5], b[at + 6]]);
            let w = u16::from_be_bytes([b[at + 7], b[at + 8]]);
            return Some((w.into(), h.into()));
        }
        at += 2 + len;
    }
    None
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648) with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn is_base64(s: &str) -> bool {
    let data = s.trim_end_matches('=');
    s.len().is_multiple_of(4)
        && s.len() - data.len() <= 2
        && data
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

fn unbase64(s: &str) -> Option<Vec<u8>> {
    if !is_base64(s) {
        return None;
    }
    let data = s.trim_end_matches('=').as_bytes();
    let value = |b: u8| ALPHABET.iter().position(|&a| a == b).map(|v| v as u32);
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    for chunk in data.chunks(4) {
        let mut n = 0;
        for (i, &b) in chunk.iter().enumerate() {
            n |= value(b)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG and the start of a 3×2 JPEG, as cameras and editors write them.
    pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    const JPEG: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0,
    ];

    #[test]
    fn kinds_are_sniffed_from_the_bytes() {
        let png = Image::from_bytes(PNG.to_vec()).unwrap();
        assert_eq!((png.kind, png.size), (ImageKind::Png, (1, 1)));
        let jpeg = Image::from_bytes(JPEG.to_vec()).unwrap();
        assert_eq!((jpeg.kind, jpeg.size), (ImageKind::Jpeg, (3, 2)));
        assert_eq!(Image::from_bytes(b"<svg onload=alert(1)>".to_vec()), None);
        assert_eq!(Image::from_bytes(b"GIF89a".to_vec()), None);
    }

    #[test]
    fn data_urls_round_trip() {
        let png = Image::from_bytes(PNG.to_vec()).unwrap();
        let url = png.data_url();
        assert!(
            url.starts_with("data:image/png;base64,iVBORw0KGgo"),
            "{url}"
        );
        assert!(is_embedded(&url));
        assert_eq!(Image::from_data_url(&url), Some(png));
        assert!(!is_embedded("data:image/svg+xml;base64,PHN2Zz4="));
        assert!(!is_embedded("data:image/png;base64,<script>"));
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(unbase64("YWI=").as_deref(), Some(&b"ab"[..]));
    }

    #[test]
    fn remote_addresses() {
        for url in [
            "https://tracker.example/pixel.png?who=raad",
            "HTTP://x/y.png",
            "//host/x.png",
            " \t//host/x.png",
            "\\\\host\\x.png",
            "/\\host/x.png",
            "ht\ttps://x/y.png",
            "ftp://x/y.png",
        ] {
            assert!(is_remote(url), "{url}");
        }
        for url in [
            "logo.png",
            "../afbeeldingen/logo.png",
            "/afbeeldingen/logo.png",
            "data:image/png;base64,AAAA",
            "a/b:c.png",
        ] {
            assert!(!is_remote(url), "{url}");
        }
    }

    #[test]
    fn image_sizes_come_from_png_and_jpeg_headers() {
        let size = |b: &[u8]| Image::from_bytes(b.to_vec()).map(|i| i.size);
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x2c\0\0\0\x64";
        assert_eq!(size(png), Some((300, 100)));
        // SOI, an APP0 segment of 16 bytes, then a baseline frame: 8 bits, 480 high, 640 wide.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend([0u8; 14]);
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80]);
        assert_eq!(size(&jpeg), Some((640, 480)));
        assert_eq!(size(&jpeg[..24]), None);
        assert_eq!(size(b"GIF89a"), None);
    }

    #[test]
    fn base64_matches_rfc_4648() {
        // The test vectors of RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xFF, 0xFE, 0xFD]), "//79");
    }
}
