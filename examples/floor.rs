//! The floor of `check`: read the same files the same way, on the same threads
//! (`source::read_worktree_with`), touching every byte where `check` loads them, and
//! nothing else.
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
    // Read as `check` reads, each chunk of files touched on the other cores while this
    // thread reads the next (`source::read_worktree_with`, where `check` loads them).
    let touch = |part: &[kwaliteit::source::SourceFile]| {
        part.iter()
            .filter_map(|f| std::str::from_utf8(&f.bytes).ok())
            .map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count())
            .sum::<usize>()
    };
    let (snapshot, counts) = match kwaliteit::source::read_worktree_with(&root, touch) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("floor: {e}");
            std::process::exit(2);
        }
    };
    let files = &snapshot.files;
    let lines: usize = counts.into_iter().sum();
    println!("{} files, {lines} lines", files.len());
}
