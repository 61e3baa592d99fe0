//! Just enough XML for the parts a workbook's zip holds: tags and their
//! attributes found by byte search, and a part inflated a piece at a time
//! in runs of whole tags. No text, no entities beyond XML's five.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use memchr::memmem;
use zip::ZipArchive;

/// A workbook's zip, with its entries' names as calamine matches them.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Lowercase names, `\` read as `/`, to the names as stored.
    names: HashMap<String, String>,
}

/// The most bytes a small part (relationships, workbook) may inflate to.
const SMALL_PART: u64 = 16 << 20;

/// The bytes inflated at a time from a big part.
const PIECE: u64 = 256 << 10;

impl<'a> Package<'a> {
    /// Opens a zip held in memory; `None` when it is no zip.
    pub fn open(bytes: &'a [u8]) -> Option<Self> {
        let zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
        let names = zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.into_owned()))
            .collect();
        Some(Self { zip, names })
    }

    /// The entry a part name stands for: calamine matches names ignoring
    /// case.
    fn entry<'n>(&'n self, part: &'n str) -> &'n str {
        self.names
            .get(&part.to_ascii_lowercase())
            .map_or(part, String::as_str)
    }

    /// A small part, whole; `None` when it is missing, damaged or too big.
    pub fn small_part(&mut self, part: &str) -> Option<Vec<u8>> {
        let entry = self.entry(part).to_owned();
        let file = self.zip.by_name(&entry).ok()?;
        let mut out = Vec::new();
        file.take(SMALL_PART).read_to_end(&mut out).ok()?;
        Some(out)
    }

    /// Inflates a part a piece at a time and hands `f` runs of whole tags.
    /// Each piece is cut before its last `<`: a tag holds no `<`, so every
    /// tag before the cut is whole, and the rest waits for the next piece;
    /// when that last tag is closed too, nothing waits, so that a long text
    /// is never held whole. `None` when the part is missing or damaged.
    pub fn scan_part(&mut self, part: &str, mut f: impl FnMut(&[u8])) -> Option<()> {
        let entry = self.entry(part).to_owned();
        let mut file = self.zip.by_name(&entry).ok()?;
        let mut buf = Vec::with_capacity(2 * PIECE as usize);
        loop {
            let read = (&mut file).take(PIECE).read_to_end(&mut buf).ok()?;
            if read == 0 {
                f(&buf);
                return Some(());
            }
            let open = memchr::memrchr(b'<', &buf);
            let cut = match (open, memchr::memrchr(b'>', &buf)) {
                (Some(open), Some(close)) if close < open => open,
                (Some(open), None) => open,
                _ => buf.len(),
            };
            f(&buf[..cut]);
            buf.drain(..cut);
        }
    }
}

/// One start, empty or end tag.
#[derive(Debug, Clone, Copy)]
pub struct Tag<'x> {
    /// The name as written, with its prefix (`table:table-row`).
    pub name: &'x [u8],
    /// The attributes' text.
    pub attrs: &'x [u8],
    /// `</name>`.
    pub end: bool,
    /// `<name/>`: a start and an end at once.
    pub empty: bool,
}

impl<'x> Tag<'x> {
    /// The name without its prefix.
    pub fn local(&self) -> &'x [u8] {
        local(self.name)
    }

    /// The value of an attribute, by its name as written (`table:number-rows-spanned`)
    /// or by its local name.
    pub fn attribute(&self, key: &[u8]) -> Option<&'x [u8]> {
        attribute(self.attrs, key)
    }
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

/// Calls `f` with each tag of a run of whole tags; comments, CDATA,
/// declarations and processing instructions are passed over.
pub fn for_each_tag<'x>(xml: &'x [u8], mut f: impl FnMut(Tag<'x>)) {
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &xml[at..]) {
        let rest = &xml[at + lt + 1..];
        let (skip, close): (usize, &[u8]) = if rest.starts_with(b"!--") {
            (3, b"-->")
        } else if rest.starts_with(b"![CDATA[") {
            (8, b"]]>")
        } else {
            (0, b">")
        };
        let Some(len) = memmem::find(&rest[skip..], close) else {
            return;
        };
        let mut tag = &rest[..skip + len];
        at += lt + 1 + skip + len + close.len();
        if skip > 0 || tag.first().is_some_and(|b| matches!(b, b'?' | b'!')) {
            continue;
        }
        let end = tag.first() == Some(&b'/');
        if end {
            tag = &tag[1..];
        }
        let empty = tag.last() == Some(&b'/');
        if empty {
            tag = &tag[..tag.len() - 1];
        }
        let name_end = tag
            .iter()
            .position(u8::is_ascii_whitespace)
            .unwrap_or(tag.len());
        f(Tag {
            name: &tag[..name_end],
            attrs: &tag[name_end..],
            end,
            empty,
        });
    }
}

/// The value of the attribute named `key` in a tag's attribute text, as
/// written; a key without a prefix answers to any prefix (`id` finds `r:id`).
pub fn attribute<'x>(mut attrs: &'x [u8], key: &[u8]) -> Option<&'x [u8]> {
    loop {
        let start = attrs.iter().position(|b| !b.is_ascii_whitespace())?;
        attrs = &attrs[start..];
        let eq = memchr::memchr(b'=', attrs)?;
        let name = attrs[..eq].trim_ascii_end();
        let rest = attrs[eq + 1..].trim_ascii_start();
        let quote = *rest.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = memchr::memchr(quote, &rest[1..])?;
        if name == key || local(name) == key {
            return Some(&rest[1..1 + len]);
        }
        attrs = &rest[len + 2..];
    }
}

/// An attribute's text with XML's five entities read.
pub fn decode(value: &[u8]) -> String {
    String::from_utf8_lossy(value)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found_by_name_or_local_name_in_either_quotes() {
        let tag = br#" name="a&amp;b" sheetId='2' r:id="rId7""#;
        assert_eq!(attribute(tag, b"id"), Some(&b"rId7"[..]));
        assert_eq!(attribute(tag, b"r:id"), Some(&b"rId7"[..]));
        assert_eq!(attribute(tag, b"sheetId"), Some(&b"2"[..]));
        assert_eq!(attribute(tag, b"name").map(decode), Some("a&b".to_owned()));
        assert_eq!(attribute(tag, b"ref"), None);
        assert_eq!(attribute(br#" broken="x"#, b"ref"), None);
        assert_eq!(attribute(br#" bare=x ref="A1""#, b"ref"), None);
    }

    /// A zip of one deflated part.
    fn zip_of(name: &str, part: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(name, options).unwrap();
        zip.write_all(part).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_big_part_is_handed_over_in_whole_tags() {
        let mut part = b"<sheetData>".to_vec();
        for i in 0..60_000 {
            part.extend_from_slice(format!("<c r=\"A{i}\"><v>{i} &gt; 0</v></c>").as_bytes());
        }
        part.extend_from_slice(&vec![b'x'; 3 * PIECE as usize]);
        part.extend_from_slice(b"</sheetData><mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells>");
        let bytes = zip_of("XL/Worksheets/Sheet1.xml", &part);
        let mut package = Package::open(&bytes).unwrap();
        let (mut whole, mut pieces) = (Vec::new(), Vec::new());
        for_each_tag(&part, |t| {
            whole.push((t.name.to_vec(), t.attrs.to_vec(), t.end))
        });
        package
            .scan_part("xl/worksheets/sheet1.xml", |xml| {
                for_each_tag(xml, |t| {
                    pieces.push((t.name.to_vec(), t.attrs.to_vec(), t.end))
                })
            })
            .unwrap();
        assert_eq!(pieces.len(), 60_000 * 4 + 5);
        assert!(pieces == whole);
        assert!(package.scan_part("xl/missing.xml", |_| ()).is_none());
    }

    #[test]
    fn tags_are_told_apart_and_comments_passed_over() {
        let xml = br#"<?xml version="1.0"?><!-- <sheet r:id="rId9"/> --><sheets><sheet name="a" r:id="rId1"/><x:sheet r:id="rId2"></x:sheet></sheets><unclosed"#;
        let mut seen = Vec::new();
        for_each_tag(xml, |t| {
            seen.push((
                t.name.to_vec(),
                t.local().to_vec(),
                t.attribute(b"id").map(<[u8]>::to_vec),
                t.end,
                t.empty,
            ))
        });
        let id = |s: &[u8]| Some(s.to_vec());
        assert_eq!(
            seen,
            vec![
                (b"sheets".to_vec(), b"sheets".to_vec(), None, false, false),
                (
                    b"sheet".to_vec(),
                    b"sheet".to_vec(),
                    id(b"rId1"),
                    false,
                    true
                ),
                (
                    b"x:sheet".to_vec(),
                    b"sheet".to_vec(),
                    id(b"rId2"),
                    false,
                    false
                ),
                (b"x:sheet".to_vec(), b"sheet".to_vec(), None, true, false),
                (b"sheets".to_vec(), b"sheets".to_vec(), None, true, false),
            ]
        );
    }
}
