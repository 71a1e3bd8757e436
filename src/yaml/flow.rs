//! The brackets of YAML's flow style (`[…]`, `{…}`) found by a linear scan of the text, outside
//! quoted strings and comments, for what the parser does not tell: how deep a document nests
//! before it is parsed ([`super::too_deep`]), and whether a `[` it names is ever closed
//! ([`super::unclosed`]).

/// A scan of a text line by line: a quoted string left open at a line's end goes on in the next.
#[derive(Default)]
pub(super) struct Flow {
    quote: Option<u8>,
    /// Where the open quote opened: its byte offset in the line that opened it, and whether
    /// that is the line last scanned.
    opened: (usize, bool),
}

impl Flow {
    /// The brackets `[`, `{`, `]` and `}` of `line` outside quotes and comments, with their byte
    /// offsets in it. A quote opens only a node, as YAML's do: after a blank or `[`, `{`, `,` or
    /// `:` (`don't` holds none), where no plain text goes before it on the line since the last
    /// indicator (`rock 'n roll` holds none); a `#` after a blank, or opening the line, starts a
    /// comment.
    pub(super) fn brackets<'a>(&'a mut self, line: &'a str) -> Brackets<'a> {
        self.opened.1 = false;
        Brackets {
            flow: self,
            bytes: line.as_bytes(),
            at: 0,
            previous: b' ',
            significant: b'\n',
            token: b' ',
            escaped: false,
        }
    }

    /// The quote the line last scanned opened and left open (a string YAML lets run on to the
    /// next line, which a rule file's never does on purpose), with its byte offset there.
    pub(super) fn left_open(&self) -> Option<(usize, u8)> {
        let (at, this_line) = self.opened;
        self.quote.filter(|_| this_line).map(|q| (at, q))
    }
}

/// The iterator of [`Flow::brackets`]. Every character it tells apart is ASCII, so it walks
/// bytes: a byte of a longer character is never one of them.
pub(super) struct Brackets<'a> {
    flow: &'a mut Flow,
    bytes: &'a [u8],
    at: usize,
    previous: u8,
    /// The last byte outside quotes that is no blank (`\n` at the line's start): a quote opens
    /// a node only after `[`, `{`, `,`, `:`, `-` or `?`, not inside a plain one (`rock 'n roll`).
    significant: u8,
    /// The first byte of the last word outside quotes: after a tag or an anchor (`!!str`,
    /// `&a`), a quote still opens the node they stand before.
    token: u8,
    escaped: bool,
}

impl Iterator for Brackets<'_> {
    type Item = (usize, u8);

    fn next(&mut self) -> Option<(usize, u8)> {
        while let Some(&b) = self.bytes.get(self.at) {
            let at = self.at;
            self.at += 1;
            let previous = std::mem::replace(&mut self.previous, b);
            let (significant, token) = (self.significant, self.token);
            if self.flow.quote.is_none() && b != b' ' {
                self.significant = b;
                if matches!(previous, b' ' | b'[' | b'{' | b',') {
                    self.token = b;
                }
            }
            match (self.flow.quote, b) {
                (Some(b'"'), b'\\') => self.escaped = !self.escaped,
                (Some(q), b) if b == q && !self.escaped => self.flow.quote = None,
                (Some(_), _) => self.escaped = false,
                (None, b'#') if previous == b' ' => self.at = self.bytes.len(),
                (None, b'"' | b'\'')
                    if matches!(previous, b' ' | b'[' | b'{' | b',' | b':')
                        && (matches!(
                            significant,
                            b'\n' | b'[' | b'{' | b',' | b':' | b'-' | b'?'
                        ) || matches!(token, b'!' | b'&')) =>
                {
                    self.flow.quote = Some(b);
                    self.flow.opened = (at, true);
                }
                (None, b'[' | b'{' | b']' | b'}') => return Some((at, b)),
                _ => {}
            }
        }
        None
    }
}
