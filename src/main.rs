//! The `talklint` binary: parse arguments, run, map the outcome to an exit code.

fn main() -> std::process::ExitCode {
    let cli = talklint::cli::parse_args(std::env::args_os());
    talklint::app::run(cli)
}
