//! Parsers of single flag values (`--format`, `--input-format`, `--csv-delimiter`, `-j`,
//! `--min-precision`): each names what it takes and says what is wrong with what it was given.

use crate::report::CsvDelimiter;
use crate::transcript::Format;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

/// A value parser for a closed set of domain values, named and explained by the domain type (so
/// that clap stays in the command line).
pub(super) fn choice<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(T) -> &'static str,
    about: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    let values = all.iter().map(move |&t| {
        let value = PossibleValue::new(name(t));
        match about(t) {
            "" => value,
            help => value.help(help),
        }
    });
    PossibleValuesParser::new(values).try_map(move |given: String| {
        all.iter()
            .copied()
            .find(|&t| name(t) == given)
            .ok_or("not a known value")
    })
}

/// `--input-format`: `auto` (`None`), or one of the transcript formats.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InputFormat(pub(crate) Option<Format>);

pub(super) fn input_formats() -> impl TypedValueParser<Value = InputFormat> {
    let auto =
        PossibleValue::new("auto").help("Detect from the extension and content (JSON by its keys)");
    let values = std::iter::once(auto).chain(
        Format::ALL
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.about())),
    );
    PossibleValuesParser::new(values).try_map(|given: String| {
        if given == "auto" {
            return Ok(InputFormat(None));
        }
        Format::ALL
            .iter()
            .find(|f| f.name() == given)
            .map(|&f| InputFormat(Some(f)))
            .ok_or("not a known format")
    })
}

/// `--csv-delimiter`: a delimiter by name, or `,` or `;` itself (quoted in a shell, where `;`
/// ends a command).
pub(super) fn csv_delimiter() -> impl TypedValueParser<Value = CsvDelimiter> {
    let values = CsvDelimiter::ALL.iter().map(|d| {
        let value = PossibleValue::new(d.name()).help(d.about());
        match d.symbol() {
            Some(symbol) => value.alias(symbol),
            None => value,
        }
    });
    PossibleValuesParser::new(values).try_map(|given: String| {
        (CsvDelimiter::ALL.iter().copied())
            .find(|d| d.name() == given || d.symbol() == Some(given.as_str()))
            .ok_or("not a known delimiter")
    })
}

/// Most threads `-j` takes: each costs a stack and per-thread buffers (`-j 100000` took 828 MB).
const MAX_THREADS: usize = 1024;

/// A precision or recall floor: a number from 0 to 1 (`0.8`, not `80`).
pub(super) fn fraction(value: &str) -> Result<f64, String> {
    let given = value.trim_end_matches('%');
    match given.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) && given == value => Ok(f),
        // A percentage (`90`, `90%`): the fraction it means.
        Ok(f) if (0.0..=100.0).contains(&f) => Err(format!(
            "`{value}` is no fraction: write a number from 0 to 1 (for {f}%, `{}`)",
            // Written as the percentage's digits say (0.333, not 0.33299999999999996).
            format!("{:.6}", f / 100.0)
                .trim_end_matches('0')
                .trim_end_matches('.')
        )),
        _ => Err(format!(
            "`{value}` is no fraction: write a number from 0 to 1, such as 0.8"
        )),
    }
}

/// `-j N`: a number of threads, at most [`MAX_THREADS`].
pub(super) fn thread_count(value: &str) -> Result<usize, String> {
    let n: usize = value
        .parse()
        .map_err(|_| format!("`{value}` is not a number of threads"))?;
    if n > MAX_THREADS {
        return Err(format!(
            "at most {MAX_THREADS} threads; more only wait for the same cores"
        ));
    }
    Ok(n)
}

/// `--min-score`: a score, a whole number from 0 to 100 (every score there is).
pub(super) fn score_bar(value: &str) -> Result<i32, String> {
    let scores = crate::engine::SCORES;
    value
        .parse()
        .ok()
        .filter(|n| scores.contains(n))
        .ok_or_else(|| {
            format!(
                "`{value}` is no score: write a whole number from {} to {}",
                scores.start(),
                scores.end()
            )
        })
}
