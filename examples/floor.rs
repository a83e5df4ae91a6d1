//! The floor of `check`: read the same files the same way (`source::read_worktree`),
//! then touch every byte on as many threads as `load` uses, and nothing else.
//! `bench/compare.sh` reports `check` as a multiple of this.
//!
//!     cargo run --release --example floor -- DIR

use std::path::Path;

fn main() {
    let dir = std::env::args_os().nth(1).unwrap_or_else(|| ".".into());
    let root = match kwaliteit::source::discover(Path::new(&dir)) {
        Ok(root) => root,
        Err(e) => {
            eprintln!("floor: {e}");
            std::process::exit(2);
        }
    };
    let snapshot = match kwaliteit::source::read_worktree(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("floor: {e}");
            std::process::exit(2);
        }
    };
    let files = &snapshot.files;
    // The same split as `load::load`: contiguous chunks of at least 512 files per core.
    let lines: usize = kwaliteit::parallel::in_chunks(files, 512, |part| {
        part.iter()
            .filter_map(|f| std::str::from_utf8(&f.bytes).ok())
            .map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count())
            .sum::<usize>()
    })
    .into_iter()
    .sum();
    println!("{} files, {lines} lines", files.len());
}
