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
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(files.len().div_ceil(512)).max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let lines: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|c| {
                scope.spawn(move || {
                    c.iter()
                        .filter_map(|f| std::str::from_utf8(&f.bytes).ok())
                        .map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count())
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    println!("{} files, {lines} lines", files.len());
}
