//! Finding where a value sits in JSON text, by JSON path, for diagnostics.
//!
//! This is a small hand-written scanner, run only when there is something to
//! report: successful loads never pay for it. It does not validate the JSON;
//! it walks just far enough to find the values asked for, so it also works on
//! truncated or otherwise broken text, up to the point where the text breaks.
//! Many paths are located in one pass, so a file with many warnings is still
//! scanned once.

use std::fmt;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

impl From<&str> for Segment {
    fn from(key: &str) -> Self {
        Self::Key(key.to_owned())
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Self::Index(index)
    }
}

/// A place in the text: 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters (not bytes), from 1.
    pub column: usize,
}

/// A JSON path written the usual way: `$.reports[0].problems[3].number`.
pub struct PathDisplay<'a>(pub &'a [Segment]);

impl fmt::Display for PathDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in self.0 {
            match segment {
                Segment::Key(k) if is_plain_key(k) => write!(f, ".{k}")?,
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(k: &str) -> bool {
    let mut chars = k.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The JSON path as text, e.g. `$.reports[0].id`.
pub fn display(path: &[Segment]) -> String {
    PathDisplay(path).to_string()
}

/// Where the value at `path` starts, or `None` when the text has no such value.
pub fn locate(text: &str, path: &[Segment]) -> Option<Position> {
    let found = scan(text, &[path]);
    let offset = found.first()?.exact()?;
    Some(position_at(text, offset))
}

/// Where the key of the member at `path` starts (the path ends with that key).
pub fn locate_key(text: &str, path: &[Segment]) -> Option<Position> {
    let found = scan(text, &[path]);
    let offset = found.first()?.key?;
    Some(position_at(text, offset))
}

/// For each path, where its value starts; when the value is missing, where the
/// deepest part of the path that exists starts (at worst the document itself).
///
/// The text is scanned once for all paths.
pub fn locate_nearest<P: AsRef<[Segment]>>(text: &str, paths: &[P]) -> Vec<Position> {
    let paths: Vec<&[Segment]> = paths.iter().map(AsRef::as_ref).collect();
    let found = scan(text, &paths);
    let offsets: Vec<usize> = found.iter().map(|f| f.nearest).collect();
    positions_at(text, &offsets)
}

/// The raw text of the value at `path` (`"2021/12/30"` with its quotes, `12`,
/// `{…}`), or `None` when the value is missing or the text ends inside it.
pub fn value_text<'a>(text: &'a str, path: &[Segment]) -> Option<&'a str> {
    let found = scan(text, &[path]);
    let start = found.first()?.exact()?;
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: start,
    };
    scanner.skip_value()?;
    text.get(start..scanner.at)
}

/// The line and column of a byte offset into `text`.
pub fn position_at(text: &str, offset: usize) -> Position {
    positions_at(text, &[offset])
        .first()
        .copied()
        .unwrap_or(Position { line: 1, column: 1 })
}

/// The line and column of each byte offset, computed in one sweep over the text.
/// Columns are counted along the way, not from the start of the line for
/// each offset: a file on one line would otherwise be counted once per offset.
fn positions_at(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut result = vec![Position { line: 1, column: 1 }; offsets.len()];
    let bytes = text.as_bytes();
    let (mut line, mut column, mut at) = (1, 1, 0);
    for i in order {
        let offset = floor_char_boundary(text, offsets[i].min(text.len()));
        while at < offset {
            match bytes[at] {
                b'\n' => (line, column) = (line + 1, 1),
                // A continuation byte belongs to the character before it.
                b if b & 0xC0 == 0x80 => {}
                _ => column += 1,
            }
            at += 1;
        }
        result[i] = Position { line, column };
    }
    result
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// What the scan found for one requested path.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Start of the deepest value along the path that exists.
    nearest: usize,
    /// How many segments of the path that value accounts for.
    depth: usize,
    /// The length of the path asked for.
    len: usize,
    /// Start of the last key of the path, when the path ends with a key that exists.
    key: Option<usize>,
}

impl Found {
    fn exact(&self) -> Option<usize> {
        (self.depth == self.len).then_some(self.nearest)
    }
}

/// The requested paths merged into a tree, so one walk serves all of them.
/// Children are sorted, keys before indices: the walk finds a key by
/// bisection and goes along the indices of an array with the array. (They
/// were a list searched per member: with 160,000 warnings under one array,
/// 19.5 s.)
#[derive(Default)]
struct Node {
    children: Vec<(Segment, usize)>,
    value: Option<usize>,
    key: Option<usize>,
}

fn scan(text: &str, paths: &[&[Segment]]) -> Vec<Found> {
    let mut nodes = vec![Node::default()];
    let mut ends = vec![Vec::new(); paths.len()];
    // In sorted order, paths that share a prefix come together: a child
    // already made for a segment is the last one of its parent.
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| paths[a].cmp(paths[b]));
    for i in order {
        let mut node = 0;
        let mut trail = vec![0];
        for segment in paths[i] {
            node = match nodes[node].children.last() {
                Some((last, child)) if last == segment => *child,
                _ => {
                    let child = nodes.len();
                    nodes.push(Node::default());
                    nodes[node].children.push((segment.clone(), child));
                    child
                }
            };
            trail.push(node);
        }
        ends[i] = trail;
    }
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_ws();
    // A broken text stops the walk; what was found before the break is kept.
    let _ = walk(&mut scanner, &mut nodes, 0);
    ends.iter()
        .map(|trail| {
            let depth = trail
                .iter()
                .rposition(|&n| nodes[n].value.is_some())
                .unwrap_or(0);
            let last = trail.last().copied().unwrap_or(0);
            Found {
                nearest: nodes[trail[depth]].value.unwrap_or(scanner_start(text)),
                depth,
                len: trail.len() - 1,
                key: nodes[last].key,
            }
        })
        .collect()
}

fn scanner_start(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Walks the value at the scanner (which must be at its first byte), recording
/// where the requested values start, and leaves the scanner after the value.
fn walk(s: &mut Scanner<'_>, nodes: &mut Vec<Node>, node: usize) -> Option<()> {
    nodes[node].value = Some(s.at);
    if nodes[node].children.is_empty() {
        return s.skip_value();
    }
    match s.peek()? {
        b'{' => {
            s.at += 1;
            s.skip_ws();
            if s.peek()? == b'}' {
                s.at += 1;
                return Some(());
            }
            loop {
                s.skip_ws();
                let key_start = s.at;
                let key = s.read_key()?;
                s.skip_ws();
                s.expect(b':')?;
                s.skip_ws();
                let wanted = Segment::Key(key);
                let child = nodes[node]
                    .children
                    .binary_search_by(|(s, _)| s.cmp(&wanted))
                    .ok()
                    .map(|at| nodes[node].children[at].1);
                match child {
                    Some(child) if nodes[child].value.is_none() => {
                        nodes[child].key = Some(key_start);
                        walk(s, nodes, child)?;
                    }
                    _ => s.skip_value()?,
                }
                s.skip_ws();
                match s.next()? {
                    b',' => continue,
                    b'}' => return Some(()),
                    _ => return None,
                }
            }
        }
        b'[' => {
            s.at += 1;
            s.skip_ws();
            if s.peek()? == b']' {
                s.at += 1;
                return Some(());
            }
            let mut index = 0;
            // The first index child; the walk then moves along with the array.
            let mut next = nodes[node]
                .children
                .partition_point(|(s, _)| matches!(s, Segment::Key(_)));
            loop {
                s.skip_ws();
                let child = match nodes[node].children.get(next) {
                    Some(&(Segment::Index(i), child)) if i == index => {
                        next += 1;
                        Some(child)
                    }
                    _ => None,
                };
                match child {
                    Some(child) => walk(s, nodes, child)?,
                    None => s.skip_value()?,
                }
                index += 1;
                s.skip_ws();
                match s.next()? {
                    b',' => continue,
                    b']' => return Some(()),
                    _ => return None,
                }
            }
        }
        _ => s.skip_value(),
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips a string, the scanner being at its opening quote.
    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        loop {
            match self.next()? {
                b'\\' => {
                    self.next()?;
                }
                b'"' => return Some(()),
                _ => {}
            }
        }
    }

    /// Reads an object key, unescaping it only when it holds escapes.
    fn read_key(&mut self) -> Option<String> {
        let start = self.at;
        self.skip_string()?;
        let raw = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        if raw.contains('\\') {
            serde_json::from_str(raw).ok()
        } else {
            raw.get(1..raw.len() - 1).map(str::to_owned)
        }
    }

    /// Skips one value of any kind. Containers are skipped by counting
    /// brackets outside strings, without recursion, so deep nesting is safe.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => self.skip_string()?,
                        b'{' | b'[' => {
                            depth += 1;
                            self.at += 1;
                        }
                        b'}' | b']' => {
                            depth -= 1;
                            self.at += 1;
                            if depth == 0 {
                                return Some(());
                            }
                        }
                        _ => self.at += 1,
                    }
                }
            }
            _ => {
                let start = self.at;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
                (self.at > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(spec: &str) -> Vec<Segment> {
        // "reports.0.id" → [Key(reports), Index(0), Key(id)]
        spec.split('.')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<usize>()
                    .map_or_else(|_| Segment::from(s), Segment::Index)
            })
            .collect()
    }

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_top_level_keys_and_the_root() {
        let text = "{\n  \"a\": 1,\n  \"b\": \"x\"\n}";
        assert_eq!(locate(text, &p("a")), at(2, 8));
        assert_eq!(locate(text, &p("b")), at(3, 8));
        assert_eq!(locate(text, &[]), at(1, 1));
        assert_eq!(locate(text, &p("c")), None);
    }

    #[test]
    fn finds_values_inside_nested_arrays() {
        let text = r#"{"m": [[1, 2], [3, [4, 5]], {"k": [6]}]}"#;
        assert_eq!(value_text(text, &p("m.0.1")), Some("2"));
        assert_eq!(value_text(text, &p("m.1.1.0")), Some("4"));
        assert_eq!(value_text(text, &p("m.1.1")), Some("[4, 5]"));
        assert_eq!(value_text(text, &p("m.2.k.0")), Some("6"));
        assert_eq!(value_text(text, &p("m.3")), None);
        assert_eq!(locate(text, &p("m.1.1.1")), at(1, 24));
    }

    #[test]
    fn skips_strings_with_escapes_and_brackets() {
        let text = r#"{"a": "say \"}]\" and \\", "b": ["[{\"", "}"], "c": true}"#;
        assert_eq!(value_text(text, &p("a")), Some(r#""say \"}]\" and \\""#));
        assert_eq!(value_text(text, &p("b.1")), Some(r#""}""#));
        assert_eq!(value_text(text, &p("c")), Some("true"));
    }

    #[test]
    fn counts_columns_in_characters_after_cjk_text() {
        let text = "{\"title\": \"巡察整改\", \"n\": 12}";
        // 巡察整改 is 12 bytes but 4 characters.
        assert_eq!(locate(text, &p("n")), at(1, 24));
        let text = "{\"t\": \"整改\",\n \"u\": \"万元\", \"v\": 1}";
        assert_eq!(locate(text, &p("v")), at(2, 18));
    }

    #[test]
    fn matches_keys_written_with_escapes() {
        let text = r#"{"\u0061b": 1, "ab": 2}"#;
        // The first member's key is "ab" once unescaped; the first match wins.
        assert_eq!(value_text(text, &p("ab")), Some("1"));
    }

    #[test]
    fn points_at_keys_for_unknown_fields() {
        let text = "{\n  \"reports\": [{\"id\": \"x\", \"publishd\": 1}]\n}";
        assert_eq!(locate_key(text, &p("reports.0.publishd")), at(2, 27));
        assert_eq!(locate_key(text, &p("reports.0.nope")), None);
    }

    #[test]
    fn nearest_falls_back_to_the_deepest_existing_value() {
        let text = "{\"reports\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"}\n]}";
        let paths = vec![
            p("reports.1.title"),
            p("reports.1.id"),
            p("nothing.here"),
            p("reports.0"),
        ];
        assert_eq!(
            locate_nearest(text, &paths),
            vec![
                Position { line: 3, column: 3 },
                Position {
                    line: 3,
                    column: 10
                },
                Position { line: 1, column: 1 },
                Position { line: 2, column: 3 },
            ]
        );
    }

    #[test]
    fn works_on_truncated_text_up_to_the_break() {
        let text = "{\"schema_version\": 7, \"reports\": [{\"id\": \"x\", \"ti";
        assert_eq!(value_text(text, &p("schema_version")), Some("7"));
        assert_eq!(locate(text, &p("reports.0.id")), at(1, 42));
        assert_eq!(locate(text, &p("reports.0.title")), None);
        assert_eq!(value_text("{\"a\": \"unterminated", &p("a")), None);
    }

    #[test]
    fn does_not_overflow_on_deep_nesting() {
        let text = format!(
            "{{\"a\": {}{}, \"b\": 1}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(value_text(&text, &p("b")), Some("1"));
    }

    /// Issue 13: `check` with 160,000 warnings took 19.5 s, searching a list of
    /// children per member and counting each column from the start of the line.
    #[test]
    fn many_paths_under_one_array_on_one_line_are_all_located() {
        let n = 20_000;
        let members: Vec<String> = (0..n).map(|i| format!("{{\"n\": {i}}}")).collect();
        let text = format!("{{\"problems\": [{}]}}", members.join(", "));
        let paths: Vec<Vec<Segment>> = (0..n)
            .rev()
            .map(|i| p(&format!("problems.{i}.n")))
            .collect();
        let positions = locate_nearest(&text, &paths);
        // Each member is `{"n": i}, `: the value sits 6 characters into it.
        let mut column = "{\"problems\": [".len() + 1;
        let mut expected = Vec::new();
        for member in &members {
            expected.push(Position {
                line: 1,
                column: column + 6,
            });
            column += member.len() + 2;
        }
        expected.reverse();
        assert_eq!(positions, expected);
    }

    #[test]
    fn displays_paths_the_usual_way() {
        assert_eq!(
            display(&p("reports.0.problems.3.number")),
            "$.reports[0].problems[3].number"
        );
        assert_eq!(display(&[]), "$");
        assert_eq!(display(&p("odd key")), "$[\"odd key\"]");
    }

    #[test]
    fn positions_of_offsets_are_found_in_any_order() {
        let text = "ab\ncd\n整改x";
        // 整 spans bytes 6..9; an offset inside it counts as its start.
        assert_eq!(
            positions_at(text, &[9, 0, 4, 7, 100, 12]),
            vec![
                Position { line: 3, column: 2 },
                Position { line: 1, column: 1 },
                Position { line: 2, column: 2 },
                Position { line: 3, column: 1 },
                Position { line: 3, column: 4 },
                Position { line: 3, column: 3 },
            ]
        );
    }
}
