//! The `talklint` binary: runs the command line and exits with its status.

/// A scan makes many small allocations on several threads (turns, findings, rendered reports);
/// mimalloc serves them in about half the time glibc's allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    talklint::cli::run(std::env::args_os())
}
