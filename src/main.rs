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

/// Standard output closed at start (`talklint check … >&-`): the Rust runtime opens /dev/null
/// for reading and writing in its place before `main`, where every write succeeds and a report
/// or diff vanishes without a word. Opened for reading only here, before the runtime looks, a
/// write fails there as on a standard output opened for reading (`1</dev/null`), and the run
/// says it cannot write (`cli::stdout`).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CLOSED_STDOUT_UNWRITABLE: extern "C" fn() = closed_stdout_unwritable;

#[cfg(target_os = "linux")]
extern "C" fn closed_stdout_unwritable() {
    // SAFETY: each call takes integers, or a C string that outlives it, and touches no memory
    // of ours; the process runs one thread still. A failed call leaves descriptor 1 closed, for
    // the runtime to fill as before.
    unsafe {
        if libc::fcntl(1, libc::F_GETFD) != -1 {
            return;
        }
        // The lowest descriptor free: 0 when standard input is closed too, which the runtime
        // then fills as it did.
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
        if null >= 0 && null != 1 {
            libc::dup2(null, 1);
            libc::close(null);
        }
    }
}

#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes one integer and touches no memory of ours; on a kernel
    // without it the call fails and nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    small_first_arena();
}

/// mimalloc reserves its memory an arena at a time, the first of 1 GiB, and the bookkeeping of
/// that whole range is touched as it is first used: a one-file check with the default pack
/// peaked at 15.4 MB (median of 11), 14.9 MB with the least arena, 32 MiB. mimalloc doubles the
/// size every eighth arena, so a long scan still reserves as much as it needs in a few. Set from
/// the same constructor, before the first arena is reserved.
#[cfg(target_os = "linux")]
fn small_first_arena() {
    /// `mi_option_arena_reserve`'s place in mimalloc 3's `mi_option_t`, which the Rust binding
    /// does not name, and the default it documents there (1 GiB, in KiB).
    const ARENA_RESERVE: std::ffi::c_int = 23;
    const DEFAULT_KIB: std::ffi::c_long = 1 << 20;
    const LEAST_KIB: std::ffi::c_long = 32 << 10;
    unsafe extern "C" {
        fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: both take and return plain integers, and mimalloc reads its options before it
    // reserves. An option that holds anything but the default is left alone: another
    // mimalloc's numbering, or a MIMALLOC_ARENA_RESERVE the user set.
    unsafe {
        if mi_option_get(ARENA_RESERVE) == DEFAULT_KIB {
            mi_option_set(ARENA_RESERVE, LEAST_KIB);
        }
    }
}
