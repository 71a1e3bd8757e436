//! The `talklint` binary: runs the command line and exits with its status.

/// A scan makes many small allocations on several threads (turns, findings, rendered reports);
/// mimalloc serves them in about half the time glibc's allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    talklint::cli::run(std::env::args_os())
}

/// mimalloc asks Linux for transparent huge pages (`madvise`), and the kernel zeroes a whole
/// 2 MiB page on its first touch: a one-file check with the default pack peaked at 42 MB of
/// memory instead of 14 MB. A scan streams its files through small buffers and has no use for
/// them either. The flag is checked when a page is first touched, so it is set from a
/// constructor, before the Rust runtime's first allocations touch mimalloc's first arena (set in
/// `main`, that first arena's huge page still cost 2 MB). Processes talklint starts (it starts
/// none) would inherit it. PR_SET_THP_DISABLE also covers hosts whose THP setting is `always`,
/// which mimalloc's `no_thp` feature (no `madvise`) would not.
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
