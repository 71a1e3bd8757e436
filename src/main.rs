//! The `talklint` binary: runs the command line and exits with its status.

/// A scan makes many small allocations on several threads (turns, findings, rendered reports);
/// mimalloc serves them in about half the time glibc's allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    talklint::cli::run(std::env::args_os())
}

/// mimalloc asks Linux for transparent huge pages, and the kernel zeroes a whole 2 MiB page on
/// its first touch: building the default pack's matcher then costs 42 MB of memory instead of
/// 17 MB, and a third of a one-file check's time goes to zeroing pages. A scan streams its files
/// through small buffers, so it has no use for them either. It runs as a constructor, before the
/// Rust runtime's first allocation touches mimalloc's first arena.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes one integer and touches no memory of ours; on a kernel
    // without it the call fails and nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
