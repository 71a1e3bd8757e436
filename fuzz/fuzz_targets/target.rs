//! Every fuzz target: the bin's name (`cargo fuzz run NAME`) picks what the bytes are fed to.
#![no_main]

use talklint::fuzzing::{Target, run};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let target =
        Target::named(env!("CARGO_BIN_NAME")).expect("each fuzz bin is named after a target");
    run(target, data);
});
