//! Enough of an XML reader to say an SVG is well formed: only characters XML
//! allows, every tag closed in order, every `&` an entity, no `<` in text or
//! in an attribute value.

/// True for a character of XML 1.0's production `Char`.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The length of the entity at the start of `s` (which starts with `&`).
fn entity_len(s: &str) -> Option<usize> {
    let end = s.find(';')?;
    let name = &s[1..end];
    let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
        || name
            .strip_prefix("#x")
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
        || name
            .strip_prefix('#')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    ok.then_some(end + 1)
}

/// Character data: entities whole, no `<`.
fn text(s: &str, what: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(at) = rest.find(['&', '<']) {
        if rest[at..].starts_with('<') {
            return Err(format!("a raw '<' in {what}"));
        }
        let len = entity_len(&rest[at..])
            .ok_or_else(|| format!("a bare '&' in {what}: {:?}", excerpt(&rest[at..])))?;
        rest = &rest[at + len..];
    }
    Ok(())
}

fn excerpt(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Checks that `doc` is a well-formed XML document, as far as SVG output goes.
pub fn well_formed(doc: &str) -> Result<(), String> {
    if let Some(c) = doc.chars().find(|c| !is_xml_char(*c)) {
        return Err(format!("a character XML forbids: {c:?}"));
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = doc;
    let mut roots = 0;
    while let Some(at) = rest.find('<') {
        text(&rest[..at], "text")?;
        let tag = &rest[at..];
        if let Some(body) = tag.strip_prefix("<?") {
            let end = body.find("?>").ok_or("an unclosed <?")?;
            rest = &body[end + 2..];
            continue;
        }
        if let Some(body) = tag.strip_prefix("<!--") {
            let end = body.find("-->").ok_or("an unclosed comment")?;
            rest = &body[end + 3..];
            continue;
        }
        if let Some(body) = tag.strip_prefix("</") {
            let end = body.find('>').ok_or("an unclosed end tag")?;
            let name = body[..end].trim_end();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            rest = &body[end + 1..];
            continue;
        }
        let body = &tag[1..];
        let name_len = body
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .ok_or("an unclosed start tag")?;
        let name = &body[..name_len];
        if name.is_empty() {
            return Err(format!("a tag with no name: {:?}", excerpt(tag)));
        }
        // Attributes: name="value" pairs up to '>' or '/>'.
        let mut attrs = &body[name_len..];
        let closed_self = loop {
            attrs = attrs.trim_start();
            if let Some(after) = attrs.strip_prefix("/>") {
                attrs = after;
                break true;
            }
            if let Some(after) = attrs.strip_prefix('>') {
                attrs = after;
                break false;
            }
            let eq = attrs
                .find('=')
                .ok_or_else(|| format!("an attribute without '=' in <{name}>"))?;
            let quote = attrs[eq + 1..]
                .chars()
                .next()
                .ok_or("a truncated attribute")?;
            if quote != '"' && quote != '\'' {
                return Err(format!("an unquoted attribute in <{name}>"));
            }
            let value_start = eq + 2;
            let value_len = attrs[value_start..]
                .find(quote)
                .ok_or("an unclosed attribute value")?;
            text(
                &attrs[value_start..value_start + value_len],
                "an attribute value",
            )?;
            attrs = &attrs[value_start + value_len + 1..];
        };
        if stack.is_empty() {
            roots += 1;
        }
        if !closed_self {
            stack.push(name);
        }
        rest = attrs;
    }
    text(rest, "text after the root")?;
    if !stack.is_empty() {
        return Err(format!("unclosed elements: {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checker itself tells a well-formed document from broken ones.
    #[test]
    fn the_xml_checker_tells_good_from_bad() {
        assert!(
            well_formed(
                "<?xml version=\"1.0\"?><svg a=\"1 &amp; 2\"><text>x &lt; y</text><g/></svg>\n"
            )
            .is_ok()
        );
        assert!(well_formed("<svg><text>a & b</text></svg>").is_err());
        assert!(well_formed("<svg><text>a < b</text></svg>").is_err());
        assert!(well_formed("<svg><g></svg>").is_err());
        assert!(well_formed("<svg a=\"<\"></svg>").is_err());
        assert!(well_formed("<svg>\u{fffe}</svg>").is_err());
        assert!(well_formed("<svg/><svg/>").is_err());
    }
}
