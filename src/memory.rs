//! Handing freed memory back to the system.

/// Return the pages of freed memory to the system. glibc keeps what threads freed in
/// their own arenas resident, where the thread that allocates next cannot use it: the
/// peak then counts it twice. Other allocators (musl's, the release builds') return
/// such memory by themselves.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only releases free memory; it takes no pointers.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Free `value` on another thread and then [`give_back`], while this one goes on: a large
/// model is millions of small allocations, and freeing them takes as long as making a
/// page. Freed here when no thread can be started.
pub fn free_beside<T: Send + 'static>(value: T) {
    let started = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || {
            drop(value);
            give_back();
        });
    // Not started: the closure, with `value`, was dropped already.
    if started.is_err() {
        give_back();
    }
}
