//! Work shared by the machine's cores: two things at once, or a slice in contiguous
//! chunks, one per core, with the results in order. Every step that touches each file
//! (loading, checking, formatting) splits its work here, the same way.

/// `a` on a thread of its own while `b` runs on this one. A panic in `a` goes on in
/// the caller, as if `a` had run here.
pub fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        (join(a), b)
    })
}

/// `work` on contiguous chunks of `items`, at most one chunk per core and at least
/// `at_least` items in each (fewer would cost more in starting threads than they
/// save), the results in the order of the chunks. With one chunk nothing is started.
pub fn in_chunks<T: Sync, R: Send>(
    items: &[T],
    at_least: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let wanted = items.len().div_ceil(at_least.max(1));
    let threads = if wanted <= 1 { 1 } else { cores().min(wanted) };
    if threads == 1 {
        return vec![work(items)];
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// The cores this process may use, asked once: on Linux the answer reads cgroup files,
/// which cost more than loading a small file (and `fmt` loads each file several times).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_item_once_in_order() {
        for len in [0, 1, 5, 511, 512, 513, 2000] {
            let items: Vec<usize> = (0..len).collect();
            let parts = in_chunks(&items, 100, |part| part.to_vec());
            assert_eq!(parts.concat(), items, "{len}");
            assert!(parts.iter().all(|p| p.len() >= 100 || parts.len() == 1));
        }
    }

    #[test]
    fn both_gives_both_results() {
        assert_eq!(both(|| 1 + 1, || "b"), (2, "b"));
    }
}
