//! The commands: turn validated arguments and config into a rule set, scan options and a printer,
//! run, and decide the exit code (SPEC §1: 0 clean, 1 findings or failed conversations, 2 usage,
//! config, rule or input errors).

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, FailOn, RulesArgs, RulesFormat, TestArgs};
use crate::config::{self, Loaded};
use crate::eval::Scoring;
use crate::report::{OutputFormat, Printer};
use crate::rules::RuleSet;
use crate::rules::load::{self, Overrides, RuleSource};
use crate::scan::{self, ScanOptions};
use crate::text::canon::DEFAULT_FILLERS;
use crate::transcript::{ParseOptions, Role, Roles};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// Write buffer of a report file: large, so that a 100 MB report takes hundreds of writes, not
/// tens of thousands.
const REPORT_BUFFER: usize = 1 << 20;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const OK: u8 = 0;
const FINDINGS: u8 = 1;
const TROUBLE: u8 = 2;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Check(args) => check(*args),
        Command::Test(args) => test(args),
        Command::Rules(args) => list_rules(args),
        Command::Init => init(),
    };
    ExitCode::from(code.unwrap_or_else(|message| {
        eprintln!("{message}");
        TROUBLE
    }))
}

/// The config named on the command line, or the nearest one, or none.
fn load_config(explicit: Option<&Path>, none: bool) -> Result<Loaded, String> {
    if none {
        return Ok(Loaded::default());
    }
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    path.map_or_else(|| Ok(Loaded::default()), |p| config::load(&p))
}

fn fillers(cfg: &Loaded) -> Vec<String> {
    cfg.config
        .fillers
        .clone()
        .unwrap_or_else(|| DEFAULT_FILLERS.iter().map(|s| s.to_string()).collect())
        .iter()
        .flat_map(|f| crate::text::canon::canonical_words(f))
        .collect()
}

/// The rule set from `--rules`, else the config's `rules:`, else the built-in pack.
fn rule_set(cli_rules: &[PathBuf], cfg: &Loaded) -> Result<RuleSet, String> {
    let sources: Vec<RuleSource> = if !cli_rules.is_empty() {
        cli_rules
            .iter()
            .map(|p| RuleSource::Path(p.clone()))
            .collect()
    } else if let Some(list) = &cfg.config.rules {
        let base = cfg.base_dir();
        list.iter()
            .map(|s| {
                if s == "default" {
                    RuleSource::Builtin
                } else {
                    RuleSource::Path(base.join(s))
                }
            })
            .collect()
    } else {
        vec![RuleSource::Builtin]
    };
    let overrides = Overrides {
        disable: cfg.config.disable.clone(),
        severity: cfg.config.severity.clone(),
        origin: cfg
            .path
            .as_ref()
            .map_or_else(|| "config".into(), |p| p.display().to_string()),
    };
    let show = |errors: Vec<crate::rules::RuleError>| {
        let n = errors.len();
        let mut text: Vec<String> = errors.iter().map(|e| format!("error: {e}")).collect();
        text.push(format!(
            "{n} rule error{}; nothing was checked.",
            if n == 1 { "" } else { "s" }
        ));
        text.join("\n")
    };
    let files = load::read_sources(&sources).map_err(show)?;
    let (set, warnings) = load::load(&files, &overrides, &fillers(cfg)).map_err(show)?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(set)
}

fn roles(cfg: &Loaded) -> Roles {
    cfg.config
        .roles
        .iter()
        .fold(Roles::default(), |r, (role, labels)| {
            r.with_aliases(
                *role,
                labels
                    .clone()
                    .into_vec()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            )
        })
}

fn glob_set(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("error: bad glob `{p}`: {e}"))?);
    }
    b.build()
        .map(Some)
        .map_err(|e| format!("error: bad globs: {e}"))
}

fn check(args: CheckArgs) -> Result<u8, String> {
    let cfg = load_config(args.rule_args.config.as_deref(), args.rule_args.no_config)?;
    let rules = rule_set(&args.rule_args.rules, &cfg)?;
    let c = &cfg.config;
    let include: Vec<String> = c.include.iter().chain(&args.include).cloned().collect();
    let exclude: Vec<String> = c.exclude.iter().chain(&args.exclude).cloned().collect();
    let threads = args
        .threads
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let opts = ScanOptions {
        paths: args.paths.clone(),
        include: glob_set(&include)?,
        exclude: glob_set(&exclude)?,
        max_filesize: args
            .max_filesize
            .or(c.max_filesize)
            .unwrap_or(100 * 1024 * 1024),
        input_format: args.input_format.0,
        stdin_filename: args.stdin_filename.clone(),
        parse: ParseOptions {
            roles: roles(&cfg),
            default_role: args
                .default_role
                .map(|r| r.role())
                .or(c.default_role)
                .unwrap_or(Role::Agent),
        },
        scoring: Scoring {
            base: c.scoring.base.unwrap_or(Scoring::default().base),
            pass: c.scoring.pass.unwrap_or(Scoring::default().pass),
        },
        min_score: args.min_score.or(c.min_score),
        progress: !args.no_progress
            && !args.quiet
            && std::env::var_os("CI").is_none()
            && io::stderr().is_terminal(),
        threads,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.format == OutputFormat::Human
                && args.output.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && io::stdout().is_terminal()
        }
    };
    let fail_on = args.fail_on.or(c.fail_on).unwrap_or(FailOn::Error);
    let printer = |format: OutputFormat, color: bool| Printer {
        format,
        color,
        quiet: args.quiet,
        csv_findings: args.csv_findings,
        categories: crate::report::csv::categories(&rules),
        rule_names: rules
            .rules
            .iter()
            .map(|r| (r.id.clone(), r.category.clone()))
            .collect(),
        json_rules: match format {
            OutputFormat::Json | OutputFormat::Jsonl => crate::report::json::rule_parts(&rules),
            _ => Vec::new(),
        },
        fail_at: fail_on.threshold(),
        ..Printer::default()
    };
    let create = |path: &Path| {
        // A fresh file rather than a truncated one: ext4 flushes a file truncated to zero and
        // rewritten when it is closed (its `auto_da_alloc` heuristic), which made rewriting last
        // run's reports cost several times writing new ones.
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::remove_file(path);
        }
        std::fs::File::create(path)
            .map(|f| io::BufWriter::with_capacity(REPORT_BUFFER, f))
            .map_err(|e| format!("error: cannot create {}: {e}", path.display()))
    };
    let mut files = Vec::new();
    for (format, path) in args.extra_reports() {
        files.push((format, create(&path)?));
    }
    let mut main_file = args.output.as_deref().map(create).transpose()?;
    let stdout = io::stdout();
    let mut stdout = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut outputs = vec![scan::Output {
        printer: printer(args.format, color),
        writer: match main_file.as_mut() {
            Some(f) => f,
            None => &mut stdout,
        },
    }];
    for (format, file) in &mut files {
        outputs.push(scan::Output {
            printer: printer(*format, false),
            writer: file,
        });
    }
    let result = scan::scan(&opts, &rules, &mut outputs);
    let totals = match result {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(OK),
        Err(e) => return Err(format!("error: cannot write the report: {e}")),
    };
    if args.statistics {
        let shown = if args.format == OutputFormat::Human && args.output.is_none() {
            crate::report::statistics::print(&mut io::stdout().lock(), &totals, &rules)
        } else {
            crate::report::statistics::print(&mut io::stderr().lock(), &totals, &rules)
        };
        if let Err(e) = shown
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            return Err(format!("error: cannot write the statistics: {e}"));
        }
    }
    let s = &totals;
    Ok(if s.errors > 0 {
        TROUBLE
    } else if fail_on != FailOn::Never
        && (s.failed > 0 || totals.worst.is_some_and(|w| fail_on.fails(w)))
    {
        FINDINGS
    } else {
        OK
    })
}

fn test(args: TestArgs) -> Result<u8, String> {
    let cfg = load_config(args.config.as_deref(), args.no_config)?;
    let rules = rule_set(&args.paths, &cfg)?;
    let opts = ParseOptions {
        roles: roles(&cfg),
        default_role: Role::Agent,
    };
    let report = crate::rules::examples::run(&rules, &opts);
    let mut out = io::stdout().lock();
    let mut lines = String::new();
    for f in &report.failures {
        let kind = if f.outcome == "Missing" {
            "hit"
        } else {
            "clean"
        };
        let what = if f.outcome == "Missing" {
            "did not match"
        } else {
            "matched"
        };
        lines.push_str(&format!(
            "{}: {} ({}): {kind} example {} {what}: {:?}\n",
            f.rule, f.outcome, f.origin, f.index, f.example
        ));
    }
    let failed_rules: std::collections::BTreeSet<&str> =
        report.failures.iter().map(|f| f.rule.as_str()).collect();
    lines.push_str(&format!(
        "{} rules, {} examples: {} passed, {} failed ({} rules failing, {} rules without examples).\n",
        report.rules,
        report.examples,
        report.examples - report.failures.len(),
        report.failures.len(),
        failed_rules.len(),
        report.rules_without_examples.len()
    ));
    let _ = out.write_all(lines.as_bytes());
    Ok(if report.failures.is_empty() {
        OK
    } else {
        FINDINGS
    })
}

fn list_rules(args: RulesArgs) -> Result<u8, String> {
    let cfg = load_config(args.rule_args.config.as_deref(), args.rule_args.no_config)?;
    let set = rule_set(&args.rule_args.rules, &cfg)?;
    let selected: Vec<&crate::rules::Rule> = match &args.id {
        Some(id) => {
            let found: Vec<_> = set.rules.iter().filter(|r| &r.id == id).collect();
            if found.is_empty() {
                return Err(format!(
                    "error: no loaded rule has id `{id}`; `talklint rules` lists them"
                ));
            }
            found
        }
        None => set.rules.iter().collect(),
    };
    let text = match args.format {
        RulesFormat::Json => crate::rules::listing::json(&selected),
        RulesFormat::Markdown => crate::rules::listing::markdown(&selected),
        RulesFormat::Phrases => crate::rules::listing::expansions(&selected, &fillers(&cfg)),
        RulesFormat::Human if args.id.is_some() => crate::rules::listing::detail(selected[0]),
        RulesFormat::Human => crate::rules::listing::table(&selected),
    };
    let _ = io::stdout().lock().write_all(text.as_bytes());
    Ok(OK)
}

fn init() -> Result<u8, String> {
    let path = Path::new(config::NAMES[0]);
    if path.exists() {
        return Err(format!(
            "error: {} already exists; remove it first to start over",
            path.display()
        ));
    }
    std::fs::write(path, config::STARTER)
        .map_err(|e| format!("error: cannot write {}: {e}", path.display()))?;
    println!(
        "Wrote {}. Edit it, then run `talklint check`.",
        path.display()
    );
    Ok(OK)
}
