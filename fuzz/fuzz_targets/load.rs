//! Loading one file: the first byte picks its kind (manifest.yaml, principle, case,
//! round), the rest is the file. Beside it a valid manifest.yaml, so the other kinds
//! meet known parties. Then every check and every findings format.
#![no_main]

use kwaliteit::source::SourceFile;
use kwaliteit_fuzz::{IDENTITY, PATHS, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let path = PATHS[usize::from(kind) % 4];
    let mut files = vec![SourceFile {
        path: path.to_string(),
        bytes: bytes.to_vec(),
    }];
    if path != PATHS[0] {
        files.push(SourceFile {
            path: PATHS[0].to_string(),
            bytes: IDENTITY.as_bytes().to_vec(),
        });
    }
    check(files);
});
