//! Work shared by the machine's cores: two things at once, a slice in contiguous
//! chunks, one per core, or chunks as they are made, with the results in order. Every
//! step that touches each file (loading, checking, formatting) splits its work here.

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
    let Some(chunk) = chunk_size(items.len(), at_least) else {
        return vec![work(items)];
    };
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// The size of each chunk of `len` items, at most one per core and at least
/// `at_least` in each; None when one chunk does (then no thread is started).
fn chunk_size(len: usize, at_least: usize) -> Option<usize> {
    let wanted = len.div_ceil(at_least.max(1));
    let threads = if wanted <= 1 { 1 } else { cores().min(wanted) };
    (threads > 1).then(|| len.div_ceil(threads))
}

/// [`in_chunks`] for work that takes its items: each chunk is handed over whole.
pub fn in_owned_chunks<T: Send, R: Send>(
    mut items: Vec<T>,
    at_least: usize,
    work: impl Fn(Vec<T>) -> R + Sync,
) -> Vec<R> {
    let Some(chunk) = chunk_size(items.len(), at_least) else {
        return vec![work(items)];
    };
    let mut chunks = Vec::with_capacity(items.len().div_ceil(chunk));
    while items.len() > chunk {
        let rest = items.split_off(chunk);
        chunks.push(std::mem::replace(&mut items, rest));
    }
    chunks.push(items);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// `work` on each chunk that `produce` hands over, while it goes on producing: the other
/// cores start on the first chunks while this thread makes the next ones, then this
/// thread helps with what is left. The chunks come back with their results, in the
/// order they were made. One chunk is worked here, with no thread started.
pub fn while_producing<T: Send, R: Send, E>(
    produce: impl FnOnce(&mut dyn FnMut(Vec<T>)) -> Result<(), E>,
    work: impl Fn(&[T]) -> R + Sync,
) -> Result<Vec<(Vec<T>, R)>, E> {
    let (send, receive) = std::sync::mpsc::channel::<(usize, Vec<T>)>();
    let receive = std::sync::Mutex::new(receive);
    let done = std::sync::Mutex::new(Vec::new());
    let work_through = || {
        loop {
            // The lock is held while waiting, so one helper waits and the others queue.
            let next = lock(&receive).recv();
            let Ok((index, items)) = next else { break };
            let result = work(&items);
            lock(&done).push((index, items, result));
        }
    };
    let produced = std::thread::scope(|scope| {
        let mut helpers = Vec::new();
        // The first chunk waits for a second one: a single chunk starts no thread.
        let mut first = None;
        let mut count = 0;
        let produced = produce(&mut |items| {
            if count == 0 {
                first = Some(items);
            } else {
                if count == 1 {
                    let started = cores().saturating_sub(1);
                    helpers.extend((0..started).map(|_| scope.spawn(work_through)));
                    // Sent while the receiver lives: a send cannot fail here.
                    let _ = send.send((0, first.take().unwrap_or_default()));
                }
                let _ = send.send((count, items));
            }
            count += 1;
        });
        if let Some(items) = first.take() {
            let _ = send.send((0, items));
        }
        // Owned by this closure (it is dropped here), so a panic while producing
        // also ends the helpers' wait.
        drop(send);
        work_through();
        for helper in helpers {
            join(helper);
        }
        produced
    });
    produced?;
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(index, ..)| *index);
    Ok(done.into_iter().map(|(_, items, r)| (items, r)).collect())
}

/// A lock that another thread's panic left behind is still usable: that panic goes on
/// in the caller when its thread is joined.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
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
    fn owned_chunks_cover_every_item_once_in_order() {
        for len in [0, 1, 5, 199, 200, 201, 2000] {
            let items: Vec<usize> = (0..len).collect();
            let parts = in_owned_chunks(items.clone(), 100, |part| part);
            assert_eq!(parts.concat(), items, "{len}");
            assert!(
                parts.len() <= cores().min(len.div_ceil(100)).max(1),
                "{len}"
            );
        }
    }

    #[test]
    fn produced_chunks_come_back_in_order_with_their_results() {
        for chunks in [0, 1, 2, 7, 50] {
            let made = while_producing(
                |give| {
                    for c in 0..chunks {
                        give((0..c).collect::<Vec<usize>>());
                    }
                    Ok::<(), ()>(())
                },
                |part| part.len() * 10,
            )
            .unwrap();
            let expected: Vec<_> = (0..chunks).map(|c| ((0..c).collect(), c * 10)).collect();
            assert_eq!(made, expected);
        }
    }

    #[test]
    fn a_failed_production_fails_after_the_chunks_made() {
        let made = while_producing(
            |give| {
                give(vec![1]);
                give(vec![2]);
                Err("stop")
            },
            |part: &[i32]| part[0],
        );
        assert_eq!(made, Err("stop"));
    }

    #[test]
    fn a_panic_while_producing_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| {
            while_producing(
                |give| {
                    give(vec![1]);
                    give(vec![2]);
                    panic!("stop");
                    #[allow(unreachable_code)]
                    Ok::<(), ()>(())
                },
                |part: &[i32]| part[0],
            )
        });
        assert!(caught.is_err());
    }

    #[test]
    fn both_gives_both_results() {
        assert_eq!(both(|| 1 + 1, || "b"), (2, "b"));
    }
}
