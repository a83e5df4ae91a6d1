//! Loading one file: the first byte picks its kind (manifest.yaml, principle, case,
//! round; the byte modulo 4) and the findings format it is reported in (the byte divided
//! by 4, modulo 5), the rest is the file. Beside it a valid manifest.yaml, so the other
//! kinds meet known parties. Then every check, and the findings in that format.
#![no_main]

use kwaliteit::source::SourceFile;
use kwaliteit_fuzz::{IDENTITY, PATHS, assert_report_prints, check};
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
    assert_report_prints(&check(files), kind / 4);
});
