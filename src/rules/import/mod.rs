//! Cloud rules offline (SPEC §12): an AWS Transcribe Call Analytics category or a Google CCAI
//! Insights phrase matcher, read from its JSON ([`aws`], [`ccai`]), becomes one `kind: tag` rule
//! with a `when` condition: the same spec data a YAML rule file gives, so the engine needs no
//! change, and [`print`] writes it back as YAML a team can edit. What needs a model (AWS's
//! sentiment filters, CCAI's semantic match) is never guessed: the category or matcher is left
//! out, with the reason.

mod aws;
mod ccai;
pub(crate) mod json;
mod literal;
mod print;
mod shape;
mod spec;

use super::PHRASE_SYNTAX;
use super::error::{RuleError, SourceFile};
use super::phrase;
use super::schema::Speaker;
use json::{Bad, Node, bad};
pub(crate) use print::yaml;

/// Where a category comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vendor {
    Aws,
    Ccai,
}

impl Vendor {
    /// The id prefix.
    fn prefix(self) -> &'static str {
        match self {
            Vendor::Aws => "aws",
            Vendor::Ccai => "ccai",
        }
    }

    /// What the vendor calls one, for comments.
    pub(crate) fn thing(self) -> &'static str {
        match self {
            Vendor::Aws => "AWS Transcribe Call Analytics category",
            Vendor::Ccai => "Google CCAI Insights phrase matcher",
        }
    }

    /// One of them by name, for messages: `AWS Transcribe Call Analytics category "x"`.
    pub(crate) fn label(self, name: &str) -> String {
        format!("{} \"{name}\"", self.thing())
    }
}

/// One category or matcher, read.
#[derive(Debug)]
pub(crate) struct Category {
    pub(crate) vendor: Vendor,
    /// As the vendor names it (`CategoryName`, `displayName`).
    pub(crate) name: String,
    /// `aws/<name>` or `ccai/<name>`, kebab-cased.
    pub(crate) id: String,
    /// Byte offset of its name in the file (or of the object, when it has none).
    pub(crate) at: usize,
    /// The vendor's top-level fields, for a comment.
    pub(crate) note: String,
    pub(crate) when: Cond,
}

/// A condition, with the vendor fields it comes from.
#[derive(Debug)]
pub(crate) struct Cond {
    pub(crate) note: Option<String>,
    pub(crate) test: Test,
}

#[derive(Debug)]
pub(crate) enum Test {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Search(Search),
}

/// A search of one condition.
#[derive(Debug)]
pub(crate) struct Search {
    pub(crate) speaker: Vec<Speaker>,
    pub(crate) look: Look,
    pub(crate) window: Option<Window>,
}

#[derive(Debug)]
pub(crate) enum Look {
    /// Phrases, their syntax characters written as blanks so that they match their words
    /// literally, and regexes on the original text ([`literal`]); either may be empty.
    Words {
        phrases: Vec<String>,
        regex: Vec<String>,
    },
    /// A gap between turns of at least this many seconds.
    Silence(f64),
    /// Interruptions lasting more than this many seconds in all.
    InterruptsTotal(f64),
}

impl Look {
    /// A search for any of `phrases` and `regex`.
    fn words(phrases: Vec<String>, regex: Vec<String>) -> Look {
        Look::Words { phrases, regex }
    }
}

/// The windows vendor time ranges become.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Window {
    BetweenSeconds(f64, f64),
    LastSeconds(f64),
    FirstPercent(f64),
    LastPercent(f64),
    BetweenPercent(f64, f64),
}

/// A category left out, and why.
#[derive(Debug)]
pub(crate) struct Skipped {
    /// The vendor's word for it and its name ([`Vendor::label`]).
    pub(crate) label: String,
    /// Where the reason is written.
    pub(crate) at: usize,
    pub(crate) reason: String,
    /// Under `--strict-import` an error, with how to load it: talklint would run less than the
    /// cloud does (it needs a model, or it stands for the categories of a list's later pages);
    /// `None` for one the cloud does not run either (an inactive matcher), never an error.
    pub(crate) strict_hint: Option<&'static str>,
}

/// What one file gave.
#[derive(Debug, Default)]
pub(crate) struct Imported {
    pub(crate) categories: Vec<Category>,
    pub(crate) skipped: Vec<Skipped>,
}

/// The hint of a category left out as it needs a model.
const NEEDS_MODEL: &str = "talklint runs no model and never guesses one; remove that filter to load the rest (a wider category), or drop --strict-import to skip it with a warning";

/// A vendor's reading of one object: the category, or why it is left out.
pub(super) enum Read {
    Category(Category),
    Skipped(Skipped),
}

/// Whether a rule file is read as a cloud definition: by its `.json` extension.
pub(crate) fn is_cloud(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// [`read`] of a file's name and text.
pub(crate) fn read_text(name: &str, text: &str, fillers: &[String]) -> Result<Imported, RuleError> {
    read(&SourceFile { name, text }, fillers)
}

/// Reads a cloud rule file; phrases are checked without `fillers`, as loading will read them. A
/// file that is no rule file but a transcript (a Contact Lens call given to `-r`) says so.
pub(crate) fn read(file: &SourceFile, fillers: &[String]) -> Result<Imported, RuleError> {
    read_rules(file, fillers).map_err(|mut e| {
        let opts = crate::transcript::ParseOptions::default();
        let parsed = crate::transcript::parse(file.text, crate::transcript::Format::Json, &opts);
        let turns =
            |p: &crate::transcript::Parsed| p.transcripts.iter().any(|t| !t.turns.is_empty());
        if let Some(p) = parsed.ok().filter(turns) {
            e.hint = Some(format!(
                "{} is a transcript ({}), not cloud rules: check it as one, `talklint check \
                 {}`, not as rules",
                file.name,
                p.format.name(),
                file.name
            ));
        }
        e
    })
}

fn read_rules(file: &SourceFile, fillers: &[String]) -> Result<Imported, RuleError> {
    let located = |b: Bad| {
        let (line, column) = file.position(b.at);
        RuleError {
            file: file.name.to_string(),
            line,
            column,
            message: b.message,
            hint: Some(b.hint),
        }
    };
    let root = json::parse(file.text).map_err(located)?;
    let cx = Cx { fillers };
    let shape = shape::items(&root).map_err(located)?;
    let mut out = Imported::default();
    for (vendor, node) in shape.items {
        let read = match vendor {
            Vendor::Aws => aws::category(node, &cx),
            Vendor::Ccai => ccai::matcher(node, &cx),
        };
        match read.map_err(located)? {
            Read::Category(c) => out.categories.push(c),
            Read::Skipped(s) => out.skipped.push(s),
        }
    }
    out.skipped.extend(shape.pages);
    Ok(out)
}

/// What reading a vendor's object needs.
pub(super) struct Cx<'a> {
    fillers: &'a [String],
}

impl Cx<'_> {
    /// A vendor phrase (a target, a query) as a talklint phrase that matches its words
    /// literally: every phrase syntax character, all of them punctuation and so a word boundary
    /// (as in the vendor's matcher), written as a blank, and so is `?`, which a phrase refuses
    /// inside a word as regex (`colou?r`). An escape would match the same, but a rule file
    /// refuses one, as it matches nothing itself. It must have a word to match.
    pub(crate) fn phrase(&self, node: &Node, what: &str) -> Result<String, Bad> {
        let text = node.string(what)?;
        let blank = |c: char| PHRASE_SYNTAX.contains(c) || c == '?';
        let blanked: String = text
            .chars()
            .map(|c| if blank(c) { ' ' } else { c })
            .collect();
        let words = blanked.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut no_lexicons = |_: &str| Err(String::from("no lexicons in imported phrases"));
        phrase::parse(&words, self.fillers, &mut no_lexicons).map_err(|e| {
            let filler = (words.split(' ')).any(|w| self.fillers.contains(&w.to_lowercase()));
            let config = if filler {
                "; or, to match fillers as words, write `fillers: []` in talklint.yaml (transcripts then keep them too)"
            } else {
                ""
            };
            bad(
                node.at,
                format!(
                    "{what} \"{text}\" has no word talklint can match: {}",
                    e.message
                ),
                format!("give it at least one word that is not a filler (um, uh, …), or remove it{config}"),
            )
        })?;
        Ok(words)
    }
}

/// The id of a vendor name: `<prefix>/<name>` in kebab-case (runs of other characters become
/// one `-`), accented Latin letters written without their marks (`Réclamation` is
/// `reclamation`, composed or not). A name with letters that have no such spelling (another
/// script, `請求の問題 (v2)`) or none at all (`._-`, a valid AWS name) gets a hash of the whole
/// name after what is left (`v2-…`, or `name-…`), the same on every run, so two such names do
/// not share an id. Only a blank name is an error.
pub(super) fn id(vendor: Vendor, name: &str, at: usize) -> Result<String, Bad> {
    let mut kebab = String::with_capacity(name.len());
    let mut lost = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            kebab.push(c);
        } else if let Some(plain) = unaccented(c) {
            kebab.push_str(plain);
        } else if is_combining_mark(c) {
            // The mark of a letter written apart from it (`e` and U+0301): the letter stays.
        } else {
            lost |= c.is_alphanumeric();
            if !kebab.is_empty() && !kebab.ends_with('-') {
                kebab.push('-');
            }
        }
    }
    let kebab = kebab.trim_end_matches('-');
    if !lost && !kebab.is_empty() {
        return Ok(format!("{}/{kebab}", vendor.prefix()));
    }
    if name.trim().is_empty() {
        return Err(bad(
            at,
            "the name is blank: there is nothing to make a rule id of",
            "give it a name: the rule id is its kebab-case",
        ));
    }
    let mut hash = crate::fnv::Fnv::default();
    hash.bytes(name.trim().as_bytes());
    let head = if kebab.is_empty() { "name" } else { kebab };
    Ok(format!(
        "{}/{head}-{:08x}",
        vendor.prefix(),
        hash.finish() as u32
    ))
}

/// Whether `c` is a combining diacritical mark (U+0300–U+036F).
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A lower-case Latin letter with a mark (or a ligature) as ASCII letters.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

impl Skipped {
    /// The warning (or, under `--strict-import`, the error) that says it was left out.
    /// `place` is the line and column of `at` in `file`.
    pub(crate) fn error(&self, file: &str, (line, column): (usize, usize)) -> RuleError {
        RuleError {
            file: file.to_string(),
            line,
            column,
            message: format!("{} left out: {}", self.label, self.reason),
            hint: self.strict_hint.map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests;
