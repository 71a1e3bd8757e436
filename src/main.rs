//! The `talklint` binary: parse arguments, run, map the outcome to an exit code.

/// A scan makes many small allocations on several threads (turns, findings, rendered reports);
/// mimalloc serves them in about half the time glibc's allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = talklint::cli::parse_args(std::env::args_os());
    talklint::app::run(cli)
}
