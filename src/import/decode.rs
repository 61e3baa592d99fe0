//! Stage 1, decode: the input's bytes become text (UTF-8, UTF-16 with BOM,
//! GB18030 / GBK), or a typed error says why they cannot.

use super::error::ImportError;

/// Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 / GBK.
pub fn decode(input: &[u8], source: &str) -> Result<(String, &'static str), ImportError> {
    let empty = || ImportError::Empty {
        source_name: source.to_string(),
    };
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(input) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&input[bom..]);
        if had_errors {
            return Err(binary(
                source,
                "text with a byte-order mark that does not decode",
            ));
        }
        return check_text(text.into_owned(), encoding.name(), source);
    }
    if input.contains(&0) {
        return Err(binary(source, "NUL bytes"));
    }
    if let Ok(text) = std::str::from_utf8(input) {
        return check_text(text.to_string(), "UTF-8", source);
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(input);
    if had_errors {
        return Err(binary(
            source,
            "bytes that are neither UTF-8 nor GB18030/GBK",
        ));
    }
    check_text(text.into_owned(), "GB18030", source)
}

fn binary(source: &str, found: &str) -> ImportError {
    ImportError::Binary {
        source_name: source.to_string(),
        found: found.to_string(),
    }
}

/// Rejects decoded text that is mostly control characters, and text that is only blank.
fn check_text(
    text: String,
    encoding: &'static str,
    source: &str,
) -> Result<(String, &'static str), ImportError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if control * 100 > total {
        return Err(binary(source, "control characters"));
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            source_name: source.to_string(),
        });
    }
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gb18030_and_rejects_binary_and_empty() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("关于巡察整改情况的通报");
        let (text, enc) = decode(&bytes, "x").unwrap();
        assert_eq!(text, "关于巡察整改情况的通报");
        assert_eq!(enc, "GB18030");
        assert!(matches!(decode(b"", "x"), Err(ImportError::Empty { .. })));
        assert!(matches!(
            decode(b" \n\n", "x"),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1], "x"),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0xff, 0xfe, 0xff, 0xff, 0x81], "x"),
            Err(ImportError::Binary { .. })
        ));
    }
}
