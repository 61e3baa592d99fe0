//! The mutator: a seeded PRNG and the ways an input is bent, byte by byte,
//! line by line, and through its JSON tree so that most mutants still parse
//! and reach validation, statistics and rendering.

use serde_json::Value;

/// SplitMix64: tiny, fast, and the same on every machine, so a seed names an
/// input for good.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5EED_F00D_CAFE_BABE)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Strings that have broken, or could break, some stage: numbers at the edge
/// of `Decimal`, separators, terminal escapes, bidi controls, characters XML
/// forbids, spreadsheet formulas, malformed days, markup and wide glyphs.
pub const TOKENS: &[&str] = &[
    "0.0000000000000000000000000001",
    "12345678901234567890123",
    "79228162514264337593543950335",
    "99999999999999999999",
    "-0",
    "-1",
    "0",
    "1e5",
    "1,000",
    "1,000,000.5",
    "NaN",
    ".5",
    "1.",
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;aGk=\x07",
    "\x1b[2J",
    "\x1b[31m",
    "\x1b[",
    "\x1b",
    "\u{9b}31m",
    "\u{9d}0;t\u{9c}",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{61c}",
    "\u{2028}",
    "\u{2029}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{feff}",
    "\u{200b}",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\x7f",
    "=HYPERLINK(\"http://x\",\"y\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "<script>",
    "]]>",
    "&amp;",
    "&",
    "|",
    "\"",
    "\\",
    "'",
    "2021-1-1",
    "21-12-30",
    "0000-01-01",
    "2021-02-29",
    "2020-02-29",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "2021-12-30 ",
    "２０２１-１２-３０",
    "𠀀",
    "👨‍👩‍👧",
    "e\u{301}",
    "整改",
    "",
    " ",
];

/// Words of the reports the importer reads: numbering, units, dates and the
/// phrases that decide a problem's status.
pub const TEXT_TOKENS: &[&str] = &[
    "一、",
    "二、",
    "（一）",
    "（二）",
    "1.",
    "1、",
    "9、",
    "一是",
    "二是",
    "万元",
    "亿元",
    "元",
    "美元",
    "亩",
    "平方米",
    "万平方米",
    "公顷",
    "个",
    "次",
    "年",
    "月",
    "日",
    "2021年12月30日",
    "2022年6月底前",
    "已整改到位",
    "已完成整改的问题",
    "正在推进整改的问题",
    "需长期坚持的问题",
    "长期坚持",
    "关于巡察整改情况的通报",
    "关于",
    "问题的整改",
    "截至",
    "共计",
    "其中",
    "约",
    "余",
    "超过",
    "目标",
    "保底",
    "。",
    "；",
    "，",
    "\n",
    "\n\n",
    "第1页",
    "- 1 -",
    "（上接第5版）",
    "联系电话：0510-12345678",
    "3.5万元",
    "1,000元",
    "0.0000000000000000000000000001平方米",
    "12345678901234567890123万元",
];

/// Field names of the data format, for JSON mutations that add or rename fields.
const FIELDS: &[&str] = &[
    "id",
    "overlaps",
    "target",
    "value",
    "normalized",
    "unit",
    "text",
    "quote",
    "role",
    "kind",
    "status",
    "number",
    "published",
    "deadline",
    "stated",
    "problems",
    "measures",
    "figures",
    "approximate",
];

/// A random token from either list, or a long run of one.
fn token(rng: &mut Rng, text: bool) -> String {
    match rng.below(12) {
        0 => "整".repeat(1 + rng.below(600)),
        1 => "9".repeat(1 + rng.below(40)),
        2 => format!("0.{}1", "0".repeat(rng.below(40))),
        3..=6 if text => (*rng.pick(TEXT_TOKENS)).to_owned(),
        _ => (*rng.pick(TOKENS)).to_owned(),
    }
}

/// One input made from corpus files: up to `rounds` mutations of `base`,
/// each byte-level, line-level or through the JSON tree.
pub fn mutate(rng: &mut Rng, base: &[u8], corpus: &[Vec<u8>], text: bool) -> Vec<u8> {
    let mut data = base.to_vec();
    let most = if rng.one_in(4) { 16 } else { 2 };
    let rounds = 1 + rng.below(most);
    // Data files are bent one of three ways: gently through the tree (most
    // still load, and reach statistics and every view), anywhere in the tree,
    // or anywhere at all, bytes included.
    let style = if text { 2 } else { rng.below(20) / 8 };
    for _ in 0..rounds {
        let tree = style < 2 || rng.below(10) < 6;
        if !text
            && tree
            && let Some(out) = mutate_json(rng, &data, style == 0)
        {
            data = out;
            continue;
        }
        mutate_bytes(rng, &mut data, corpus, text);
    }
    data
}

/// A span of `data`, on character boundaries most of the time.
fn span(rng: &mut Rng, data: &[u8]) -> (usize, usize) {
    let start = boundary(rng, data);
    let longest = if rng.one_in(8) { 4096 } else { 32 };
    let max = (data.len() - start).min(longest);
    let mut end = start + rng.below(max + 1);
    if !rng.one_in(8) {
        while end < data.len() && (data[end] & 0xC0) == 0x80 {
            end += 1;
        }
    }
    (start, end)
}

/// A place in `data` where a line or a character starts, most of the time,
/// so that a multi-byte character is not cut on every mutation.
fn boundary(rng: &mut Rng, data: &[u8]) -> usize {
    let mut at = rng.below(data.len() + 1);
    if !rng.one_in(8) {
        while at < data.len() && (data[at] & 0xC0) == 0x80 {
            at += 1;
        }
    }
    at
}

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>, corpus: &[Vec<u8>], text: bool) {
    let len = data.len();
    // Flipped and random bytes mostly stop at "invalid UTF-8": rarer.
    match rng.below(11) {
        0 | 1 if !rng.one_in(3) => {
            let at = boundary(rng, data);
            let t = token(rng, text);
            data.splice(at..at, t.into_bytes());
        }
        0 if len > 0 => {
            let at = rng.below(len);
            data[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            data[at] = rng.next() as u8;
        }
        2 => {
            let (a, b) = span(rng, data);
            data.drain(a..b);
        }
        3 => {
            let (a, b) = span(rng, data);
            let copy = data[a..b].to_vec();
            let at = boundary(rng, data);
            data.splice(at..at, copy);
        }
        4..=6 => {
            let at = boundary(rng, data);
            let t = token(rng, text);
            data.splice(at..at, t.into_bytes());
        }
        7 => {
            // Splice: the head of this input onto the tail of another.
            let other = rng.pick(corpus);
            let at = boundary(rng, data);
            let from = boundary(rng, other);
            data.truncate(at);
            data.extend_from_slice(&other[from..]);
        }
        8 => line_mutation(rng, data),
        9 => {
            // Replace one number in place by an interesting one.
            if let Some((a, b)) = number_at(rng, data) {
                let t = *rng.pick(&TOKENS[..13]);
                data.splice(a..b, t.bytes());
            }
        }
        _ => {
            let most = if rng.one_in(4) { 3000 } else { 140 };
            let depth = 1 + rng.below(most);
            let at = boundary(rng, data);
            let (open, close) = if rng.one_in(2) {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let nest = format!("{}0{}", open.repeat(depth), close.repeat(depth));
            data.splice(at..at, nest.into_bytes());
        }
    }
}

/// The span of a run of ASCII digits near a random place, if any.
fn number_at(rng: &mut Rng, data: &[u8]) -> Option<(usize, usize)> {
    let from = rng.below(data.len());
    let start = from + data.get(from..)?.iter().position(u8::is_ascii_digit)?;
    let len = data[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    Some((start, start + len))
}

fn line_mutation(rng: &mut Rng, data: &mut Vec<u8>) {
    let mut lines: Vec<Vec<u8>> = data.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match rng.below(4) {
        0 => {
            let i = rng.below(n);
            let line = lines[i].clone();
            lines.insert(i, line);
        }
        1 if n > 1 => {
            lines.remove(rng.below(n));
        }
        2 => {
            let (i, j) = (rng.below(n), rng.below(n));
            lines.swap(i, j);
        }
        _ => {
            let i = rng.below(n);
            let j = rng.below(n);
            let line = lines[i].clone();
            lines.insert(j, line);
        }
    }
    *data = lines.join(&b'\n');
}

/// A mutation through the JSON tree, re-serialised; None when `data` does
/// not parse as JSON.
fn mutate_json(rng: &mut Rng, data: &[u8], gentle: bool) -> Option<Vec<u8>> {
    let mut root: Value = serde_json::from_slice(data).ok()?;
    let mut free = Vec::new();
    let mut figures = Vec::new();
    pointers(&root, String::new(), &mut free, &mut figures);
    let choice = if gentle {
        4 + rng.below(4)
    } else {
        rng.below(8)
    };
    match choice {
        // Most edits elsewhere stop at validation; these two keep a file
        // valid often enough to reach statistics and every view.
        4 | 5 if !free.is_empty() => {
            let at = rng.pick(&free).clone();
            if let Some(Value::String(s)) = root.pointer_mut(&at) {
                let t = token(rng, false);
                if rng.one_in(3) {
                    *s = t;
                } else {
                    let mut at = rng.below(s.len() + 1);
                    while !s.is_char_boundary(at) {
                        at -= 1;
                    }
                    s.insert_str(at, &t);
                }
            }
        }
        6 | 7 if !figures.is_empty() => {
            let at = rng.pick(&figures).clone();
            if let Some(Value::Object(figure)) = root.pointer_mut(&at) {
                new_value(rng, figure);
            }
        }
        _ => {
            let mut count = 0;
            count_nodes(&root, &mut count);
            let target = rng.below(count);
            // A value copied from elsewhere in the same file: ids become
            // duplicates, an `overlaps` can name its own figure.
            let donor = nth(&root, rng.below(count)).cloned();
            let mut seen = 0;
            edit_nth(&mut root, target, &mut seen, rng, donor);
        }
    }
    let out = if rng.one_in(3) {
        serde_json::to_vec(&root)
    } else {
        serde_json::to_vec_pretty(&root)
    };
    out.ok()
}

/// Fields of free text, which validation reads no number or reference from.
const FREE_TEXT: &[&str] = &[
    "name",
    "title",
    "issuer",
    "label",
    "heading",
    "section",
    "team",
    "publication",
    "page",
];

/// JSON pointers to the free-text strings and to the figures (objects with
/// a value, a text and a quote) under `v`.
fn pointers(v: &Value, at: String, free: &mut Vec<String>, figures: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), free, figures);
            }
        }
        Value::Object(o) => {
            if ["value", "text", "quote"]
                .iter()
                .all(|k| o.contains_key(*k))
            {
                figures.push(at.clone());
            }
            for (k, x) in o {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                if x.is_string() && FREE_TEXT.contains(&k.as_str()) {
                    free.push(here);
                } else {
                    pointers(x, here, free, figures);
                }
            }
        }
        _ => {}
    }
}

/// Gives a figure a new value, written the same in its text and its quote,
/// without the normalized value (a warning): a huge, tiny or odd number then
/// passes validation and reaches the totals.
fn new_value(rng: &mut Rng, figure: &mut serde_json::Map<String, Value>) {
    let value = match rng.below(4) {
        0 => format!("0.{}1", "0".repeat(rng.below(30))),
        1 => "9".repeat(1 + rng.below(24)),
        2 => (rng.next() % 100_000).to_string(),
        _ => (*rng.pick(&TOKENS[..13])).to_owned(),
    };
    let unit = figure.get("unit").and_then(Value::as_str).unwrap_or("");
    let text = format!("{value}{unit}");
    let old = figure
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let quote = figure.get("quote").and_then(Value::as_str).unwrap_or("");
    let quote = if !old.is_empty() && quote.contains(&old) {
        quote.replacen(&old, &text, 1)
    } else {
        format!("{quote}{text}")
    };
    figure.insert("value".into(), Value::String(value));
    figure.insert("text".into(), Value::String(text));
    figure.insert("quote".into(), Value::String(quote));
    figure.remove("normalized");
}

fn count_nodes(v: &Value, n: &mut usize) {
    *n += 1;
    match v {
        Value::Array(a) => a.iter().for_each(|x| count_nodes(x, n)),
        Value::Object(o) => o.values().for_each(|x| count_nodes(x, n)),
        _ => {}
    }
}

fn nth(v: &Value, mut k: usize) -> Option<&Value> {
    fn walk<'a>(v: &'a Value, k: &mut usize) -> Option<&'a Value> {
        if *k == 0 {
            return Some(v);
        }
        *k -= 1;
        match v {
            Value::Array(a) => a.iter().find_map(|x| walk(x, k)),
            Value::Object(o) => o.values().find_map(|x| walk(x, k)),
            _ => None,
        }
    }
    walk(v, &mut k)
}

fn edit_nth(v: &mut Value, target: usize, seen: &mut usize, rng: &mut Rng, donor: Option<Value>) {
    let mut donor = donor;
    fn walk(
        v: &mut Value,
        target: usize,
        seen: &mut usize,
        rng: &mut Rng,
        donor: &mut Option<Value>,
    ) -> bool {
        if *seen == target {
            edit(v, rng, donor.take());
            return true;
        }
        *seen += 1;
        match v {
            Value::Array(a) => a.iter_mut().any(|x| walk(x, target, seen, rng, donor)),
            Value::Object(o) => o.values_mut().any(|x| walk(x, target, seen, rng, donor)),
            _ => false,
        }
    }
    walk(v, target, seen, rng, &mut donor);
}

fn edit(v: &mut Value, rng: &mut Rng, donor: Option<Value>) {
    match v {
        Value::String(s) => match rng.below(6) {
            0 => *s = token(rng, false),
            1 => {
                let mut at = rng.below(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                s.insert_str(at, &token(rng, false));
            }
            2 => s.clear(),
            3 => *s = (*rng.pick(&TOKENS[..13])).to_owned(),
            4 => {
                if let Some(d) = donor {
                    *v = d;
                }
            }
            _ => *s = s.repeat(2 + rng.below(3)),
        },
        Value::Number(_) => {
            *v = match rng.below(4) {
                0 => Value::from(rng.next() as i64),
                1 => Value::from(0),
                2 => Value::String(token(rng, false)),
                _ => {
                    const NUMBERS: &[&str] =
                        &["1e400", "-1", "0.5", "4294967296", "18446744073709551616"];
                    let number = NUMBERS[rng.below(NUMBERS.len())];
                    serde_json::from_str(number).unwrap_or(Value::Null)
                }
            };
        }
        Value::Array(a) => match rng.below(4) {
            0 if !a.is_empty() => {
                let i = rng.below(a.len());
                let copy = a[i].clone();
                a.insert(i, copy);
            }
            1 if !a.is_empty() => {
                a.remove(rng.below(a.len()));
            }
            2 => a.clear(),
            _ => {
                if let Some(d) = donor {
                    a.push(d);
                }
            }
        },
        Value::Object(o) => match rng.below(4) {
            0 if !o.is_empty() => {
                let key = o
                    .keys()
                    .nth(rng.below(o.len()))
                    .cloned()
                    .unwrap_or_default();
                o.remove(&key);
            }
            1 => {
                let key = (*rng.pick(FIELDS)).to_owned();
                let value = match donor {
                    Some(d) if rng.one_in(2) => d,
                    _ => Value::String(token(rng, false)),
                };
                o.insert(key, value);
            }
            2 => {
                // `overlaps` / `target` naming the figure's own id.
                if let Some(id) = o.get("id").cloned() {
                    let key = if rng.one_in(2) { "overlaps" } else { "target" };
                    o.insert(key.to_owned(), id);
                }
            }
            _ => {
                if let Some(d) = donor {
                    *v = d;
                }
            }
        },
        Value::Bool(b) => *b = !*b,
        Value::Null => *v = Value::String(token(rng, false)),
    }
}
