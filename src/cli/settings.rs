//! The one step from arguments and config to typed settings: the config and rule set (from
//! [`super::rule_set`]), the engine, the scan options, the reports, and how the run is judged. Flags win
//! over the config; the config wins over the defaults.

use super::CliError;
use super::args::{CheckArgs, ColorChoice, CsvArgs};
use super::engines::Engines;
use super::globs::{check_globs, path_glob, scope, walk_globs};
use super::rule_set::config;
use crate::baseline::Baseline;
use crate::config::{Config, FailOn, Loaded};
use crate::engine::{Engine, Scoring};
use crate::fix::FixMode;
use crate::redact::{self, Redactor};
use crate::report::{CsvDialect, OutputFormat, PrinterOptions};
use crate::rules::place;
use crate::rules::{self, RuleSet};
use crate::scan::{Profile, Profiles, ReadAs, RunFiles, ScanOptions, normal};
use crate::suppress::{self, SuppressOptions};
use crate::transcript::{ParseOptions, Role, Roles};
use globset::GlobMatcher;
use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are skipped unless `--max-filesize` or the config says otherwise.
const DEFAULT_MAX_FILESIZE: u64 = 100 * 1024 * 1024;

/// Everything `talklint check` runs with.
pub(super) struct CheckSettings {
    /// The rules of the run's config (or `--rules`), and their engine.
    pub rules: RuleSet,
    /// With nested configs, the rule list of the reports ([`CheckSettings::report_rules`]).
    pub catalog: Option<RuleSet>,
    pub engine: Engine,
    pub scan: ScanOptions,
    /// The main report: its format, and the file it goes to instead of standard output.
    pub format: OutputFormat,
    pub output: Option<PathBuf>,
    /// The main report's printer options; extra reports get the same without colour.
    pub printer: PrinterOptions,
    /// Reports also written, each to its file.
    pub extra_reports: Vec<(OutputFormat, PathBuf)>,
    pub fail_on: FailOn,
    pub exit_zero: bool,
    pub statistics: bool,
}

impl CheckSettings {
    pub(super) fn new(args: CheckArgs) -> Result<CheckSettings, CliError> {
        let named_stdin = args.paths.iter().any(|p| crate::scan::is_stdin(p));
        if args.stdin_filename.is_some() && !args.paths.is_empty() && !named_stdin {
            return Err(CliError::Usage(
                "--stdin-filename names standard input, and this run does not read it\n  help: add `-` to the paths to read it, or drop --stdin-filename".into(),
            ));
        }
        let stdin = named_stdin || (args.paths.is_empty() && args.stdin_filename.is_some());
        if args.shard.is_some() && stdin {
            return Err(CliError::Usage(
                "--shard splits files among runs, and standard input is one input that every \
                 run would be given\n  help: read standard input in one run, without --shard"
                    .into(),
            ));
        }
        let cfg = config(&args.rule_args.config)?;
        check_globs(&cfg)?;
        let mut engines = Engines::shared(super::profiles::searched(&args));
        let run = profile(&args, &cfg, &mut engines)?;
        let c = &cfg.config;
        let (include, exclude) = walk_globs(args.include.iter(), args.exclude.iter())?;
        // Without a current folder, relative paths stay relative.
        let cwd = std::env::current_dir().unwrap_or_default();
        let run_file = cfg.path.as_ref().map(|path| normal(&cwd.join(path)));
        let baseline = super::config_baseline::path(&args, c, run_file.as_deref());
        let run_scope = run_file.map(|file| scope(&cfg, &file)).transpose()?;
        let mut loaded = run.loaded.clone();
        if let Some(path) = &baseline {
            loaded.add(path, ReadAs::Baseline);
        }
        let mut scan = ScanOptions {
            paths: args.paths.clone(),
            include,
            exclude,
            force_exclude: args.force_exclude,
            ignore: !args.no_ignore,
            max_filesize: args
                .max_filesize
                .or(c.max_filesize)
                .map_or(DEFAULT_MAX_FILESIZE, |size| size.0),
            input_format: args.input_format.0,
            // Named in reports as a path is, tidy.
            stdin_filename: args.stdin_filename.clone().map(crate::scan::tidied),
            stdin_given: None,
            parse: run.parse,
            // A terminal that cannot move its cursor (`TERM=dumb`) gets none, as Cargo's.
            progress: !args.no_progress
                && !args.quiet
                && std::env::var_os("CI").is_none()
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                && io::stderr().is_terminal(),
            threads: threads(args.threads),
            shard: args.shard,
            suppress: run.suppress,
            fix: match (args.fix, args.diff) {
                (true, _) => Some(FixMode::Write),
                (_, true) => Some(FixMode::Diff),
                _ => None,
            },
            reports: Vec::new(),
            redact: redactor(args.redact, &cfg)?,
            baseline: match &baseline {
                Some(path) => Some(Arc::new(Baseline::read(path, &cwd)?)),
                None => None,
            },
            profiles: Profiles::of_run(cwd, run_scope, loaded),
        };
        let (profiles, catalog, masking) =
            super::profiles::nested(&args, &cfg, &scan, &run.rules, &mut engines)?;
        scan.profiles = profiles;
        if masking.on || scan.redact.is_some() && !masking.patterns.is_empty() {
            let patterns = [&c.redact_patterns[..], &masking.patterns].concat();
            // Each pattern compiled already, in its own config.
            let masks = Redactor::new(&patterns).map_err(|bad| {
                CliError::Usage(format!("redact_patterns: invalid regex `{}`", bad.pattern))
            });
            scan.redact = Some(masks?);
        }
        let terminal = super::fix_stdin::report_on_terminal(args.fix, &scan);
        let color = color(args.color, args.format, args.output.as_deref(), terminal);
        if let Some(w) = super::output_name::mismatch(args.format, args.output.as_deref()) {
            super::stderr::warning(&w);
        }
        let fail_on = args.fail_on.or(c.fail_on).unwrap_or(FailOn::Error);
        let extra_reports = args.extra_reports();
        let formats = extra_reports.iter().map(|(f, _)| *f);
        csv_flags_fit(&args.csv, formats.chain([args.format]))?;
        Ok(CheckSettings {
            printer: PrinterOptions {
                color,
                quiet: args.quiet,
                csv_findings: args.csv.csv_findings,
                csv: csv_dialect(&args.csv, c),
                fail_at: fail_on.threshold(),
            },
            extra_reports,
            rules: run.rules,
            catalog,
            engine: run.engine,
            scan,
            format: args.format,
            output: args.output,
            fail_on,
            exit_zero: args.exit_zero,
            statistics: args.statistics,
        })
    }

    /// The rules reports and statistics name findings by: the run's, and with nested configs,
    /// theirs too.
    pub(super) fn report_rules(&self) -> &RuleSet {
        self.catalog.as_ref().unwrap_or(&self.rules)
    }
}

/// What `cfg` gives the files it applies to: its rules, their engine with its scoring, its roles
/// and its `per_path_disable`, flags winning over it.
pub(super) fn profile(
    args: &CheckArgs,
    cfg: &Loaded,
    engines: &mut Engines,
) -> Result<Profile, CliError> {
    let rule_args = &args.rule_args;
    let (read, engine) = engines.load(&rule_args.rules, cfg, rule_args.strict_import)?;
    let mut loaded = RunFiles::default();
    for path in cfg.path.iter().chain(&cfg.extended) {
        loaded.add(path, ReadAs::Config);
    }
    for file in &read.files {
        loaded.add(file, ReadAs::Rules);
    }
    let rules = read.set;
    if rules.rules.is_empty() {
        // A pre-commit hook whose pack was emptied by a bad merge passed every file, in silence.
        return Err(CliError::NoRules);
    }
    let c = &cfg.config;
    let defaults = Scoring::default();
    let scoring = Scoring {
        base: c.scoring.base.unwrap_or(defaults.base),
        pass: c.scoring.pass.unwrap_or(defaults.pass),
        min_score: args.min_score.or(c.min_score),
    };
    Ok(Profile {
        engine: engine.with_scoring(scoring),
        parse: ParseOptions {
            roles: roles(cfg),
            default_role: args
                .default_role
                .or(c.default_role)
                .map_or(Role::Agent, |r| r.role()),
            date_order: args.date_order.or(c.date_order).map(|o| o.slash_order()),
            sentiment: c.sentiment.unwrap_or_default().thresholds(),
            ignore_directives: args.ignore_directives,
        },
        suppress: SuppressOptions {
            show: args.show_suppressed,
            warn_unused: args.warn_unused_ignores,
            per_path: per_path_disable(cfg, &rules)?,
        },
        rules,
        loaded,
    })
}

/// The personal-data finder when `--redact` or the config's `redact: true` asks for one. A bad
/// `redact_patterns` regex is a config error at its place, whether redaction is on or not.
pub(super) fn redactor(flag: bool, cfg: &Loaded) -> Result<Option<Redactor>, CliError> {
    let c = &cfg.config;
    let found = match flag || c.redact {
        true => Redactor::new(&c.redact_patterns).map(Some),
        false => redact::custom_patterns(&c.redact_patterns).map(|_| None),
    };
    found.map_err(|bad| {
        let (origin, text) = cfg.source_of("redact_patterns");
        let (line, column) = place::locate(&bad.pattern, text)
            .or_else(|| place::locate_key("redact_patterns", text))
            .unwrap_or((1, 1));
        CliError::Usage(format!(
            "{}:{line}:{column}: redact_patterns: invalid regex `{}`: {}\n  help: redact_patterns use Rust `regex` syntax; in YAML prefer single quotes so `\\d` stays a backslash",
            origin,
            bad.pattern,
            rules::regex_reason(&bad.reason)
        ))
    })
}

/// The CSV flags that ask for something change CSV reports only: without one among `formats`,
/// they would be ignored without a word, so each is an error. (`--no-csv-bom` asks for nothing;
/// nor do the config's keys, which a team sets for the runs that write CSV.)
pub(super) fn csv_flags_fit(
    csv: &CsvArgs,
    mut formats: impl Iterator<Item = OutputFormat>,
) -> Result<(), CliError> {
    let given = [
        (csv.csv_findings, "--csv-findings"),
        (csv.csv_delimiter.is_some(), "--csv-delimiter"),
        (csv.csv_bom, "--csv-bom"),
    ];
    let Some(flag) = given.into_iter().find_map(|(on, flag)| on.then_some(flag)) else {
        return Ok(());
    };
    if formats.any(|f| f == OutputFormat::Csv) {
        return Ok(());
    }
    Err(CliError::Usage(format!(
        "{flag} changes CSV reports, and this run writes none\n  help: write one (`--format csv` with check or merge, `--output-csv FILE` with check or eval), or drop {flag}"
    )))
}

/// How the run's CSV reports are written: the flags, else the config's `csv_delimiter:` and
/// `csv_bom:`, else as always (comma, no byte order mark).
pub(super) fn csv_dialect(csv: &CsvArgs, c: &Config) -> CsvDialect {
    CsvDialect {
        delimiter: csv.csv_delimiter.or(c.csv_delimiter).unwrap_or_default(),
        bom: !csv.no_csv_bom && (csv.csv_bom || c.csv_bom),
    }
}

/// Whether to colour a report of `format` going to `output` (else to a stream that is a
/// `terminal` or not): `auto` colours human output on a terminal, as [`auto_color`] says.
pub(super) fn color(
    choice: ColorChoice,
    format: OutputFormat,
    output: Option<&Path>,
    terminal: bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            format == OutputFormat::Human
                && output.is_none()
                && auto_color(|k| std::env::var_os(k), terminal)
        }
    }
}

/// `--color auto` as ripgrep and the CLI colour conventions have it: `CLICOLOR_FORCE` or
/// `FORCE_COLOR` set (and not `0`) force colour even into a pipe; otherwise colour only on a
/// terminal, and never with `NO_COLOR` set or `TERM=dumb`.
pub(super) fn auto_color(env: impl Fn(&str) -> Option<OsString>, terminal: bool) -> bool {
    let given = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    let set = |k: &str| given(k) && env(k).is_some_and(|v| v != "0");
    if set("CLICOLOR_FORCE") || set("FORCE_COLOR") {
        return true;
    }
    // no-color.org: "present and not an empty string (regardless of its value)", `0` too.
    terminal && !given("NO_COLOR") && env("TERM").is_none_or(|t| t != "dumb")
}

/// The number of worker threads: `given` if above 0, else the number of cores.
pub(super) fn threads(given: Option<usize>) -> usize {
    given
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The built-in role aliases plus the config's `roles:`.
pub(super) fn roles(cfg: &Loaded) -> Roles {
    cfg.config
        .roles
        .iter()
        .fold(Roles::default(), |r, (role, labels)| {
            let labels = labels.clone().into_vec();
            r.with_aliases(*role, labels.iter().map(String::as_str).collect::<Vec<_>>())
        })
}

/// The config's `per_path_disable`: each glob compiled, each rule list resolved. A name that
/// selects no rule is a warning, as in `disable:`.
fn per_path_disable(
    cfg: &Loaded,
    rules: &RuleSet,
) -> Result<Vec<(GlobMatcher, Vec<usize>)>, CliError> {
    let mut out = Vec::new();
    for (pattern, names) in &cfg.config.per_path_disable {
        // A glob that names a folder holds for the files in it, as in `exclude`.
        let within = format!("{}/", pattern.trim_end_matches('/'));
        let glob = path_glob(&within).map_err(|source| CliError::Glob {
            place: String::new(),
            pattern: pattern.clone(),
            source,
        })?;
        if names.is_empty() {
            // A directive that names no rule turns off all of them; a config's list written
            // empty is a placeholder, as `disable: []` is, and turned off every rule in silence.
            let place = place::suffix(place::locate(pattern, &cfg.text));
            super::stderr::warning(&format!(
                "{}{place}: per_path_disable: `{pattern}` lists no rule, so it turns off none; \
                 write the rule ids, categories or `category/*` to turn off for it",
                cfg.origin(),
            ));
            continue;
        }
        let (picked, unknown) = suppress::select(names, rules);
        for name in unknown {
            let place = place::suffix(place::locate_after(pattern, name, &cfg.text));
            super::stderr::warning(&format!(
                "{}{place}: per_path_disable: `{name}` (for `{pattern}`) is no loaded rule or \
                 category{}; write a rule id, a category or `category/*`",
                cfg.origin(),
                crate::suggest::rule_like(name, &rules.rules)
            ));
        }
        out.push((glob.compile_matcher(), picked.unwrap_or_default()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::rule_set::rule_set;
    use super::*;

    #[test]
    fn colour_follows_the_environment_conventions() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.into())
        };
        assert!(auto_color(env(&[("TERM", "xterm")]), true));
        assert!(!auto_color(env(&[("TERM", "dumb")]), true));
        assert!(!auto_color(env(&[("NO_COLOR", "1")]), true));
        assert!(!auto_color(env(&[("NO_COLOR", "0")]), true));
        assert!(auto_color(env(&[("NO_COLOR", "")]), true));
        assert!(!auto_color(env(&[]), false));
        assert!(auto_color(env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(auto_color(
            env(&[("FORCE_COLOR", "1"), ("TERM", "dumb")]),
            false
        ));
        assert!(!auto_color(env(&[("FORCE_COLOR", "0")]), false));
    }

    /// Without a config, a check's rules are the built-in pack whose matcher is prebuilt: it
    /// starts by reading that, not building it. A config that adds to a lexicon builds its own.
    #[test]
    fn without_a_config_the_built_in_pack_reads_its_matcher_from_the_binary() {
        let plain = rule_set(&[], &Loaded::default(), false).unwrap();
        assert!(crate::engine::reads_prebuilt(&plain));
        let mut more = Loaded::default();
        more.config
            .lexicons
            .insert("outside_party".into(), vec!["zyzzyva corp".into()]);
        let changed = rule_set(&[], &more, false).unwrap();
        assert!(!crate::engine::reads_prebuilt(&changed));
    }
}
