//! Parses JSON text (RFC 8259) into a tree that keeps member order and duplicate keys.
//!
//! The grammar and every syntax error's wording and position are serde_json's, which the
//! widget used before (issue #7): newsrooms and tests already read `EOF while parsing a
//! list at line 1 column 24`. Numbers stay as written, since the model has no number field
//! and messages show a number as the document spells it; so no float parsing is linked in.
//! Nesting stops at serde_json's limit, so the bounded recursion below cannot overflow even
//! wasm's 1 MiB stack, whatever the input.

use std::fmt;

use super::write::push_unsigned;

/// One JSON value.
#[derive(Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// The number's text as written, e.g. `-2.5e3`, checked against the grammar and the range of an `f64`.
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in document order, a repeated key kept twice, so the reader can refuse what a map would hide.
    Object(Vec<(String, Node)>),
}

/// Why a text is not JSON, and where: a 1-based line and the column counted in bytes from
/// the line's start, as serde_json counts them.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl SyntaxError {
    /// The message with its place, e.g. `expected value at line 1 column 2`: what `Display` writes,
    /// built without `format!`'s machinery (issue #7).
    pub fn describe(&self) -> String {
        let mut text = String::from(self.message);
        text.push_str(" at line ");
        push_unsigned(&mut text, self.line as u64);
        text.push_str(" column ");
        push_unsigned(&mut text, self.column as u64);
        text
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl std::error::Error for SyntaxError {}

const EOF_WHILE_PARSING_LIST: &str = "EOF while parsing a list";
const EOF_WHILE_PARSING_OBJECT: &str = "EOF while parsing an object";
const EOF_WHILE_PARSING_STRING: &str = "EOF while parsing a string";
const EOF_WHILE_PARSING_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

/// serde_json's limit: the 128th array or object opened inside the others is refused.
const MAX_DEPTH: usize = 128;

/// Parses a whole document: one value, with white space allowed around it and nothing else.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), position: 0, depth: 0 };
    let node = parser.value()?;
    match parser.skip_white_space() {
        Some(_) => Err(parser.error_at_next(TRAILING_CHARACTERS)),
        None => Ok(node),
    }
}

struct Parser<'text> {
    text: &'text str,
    bytes: &'text [u8],
    /// The offset of the next byte to read.
    position: usize,
    /// Arrays and objects open around the value being read.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.position += 1;
        Some(byte)
    }

    /// The next byte that is not white space, left unread.
    fn skip_white_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.position += 1;
        }
        self.peek()
    }

    /// An error about the byte just read (serde_json's `error`).
    fn error_here(&self, message: &'static str) -> SyntaxError {
        self.error_at(self.position, message)
    }

    /// An error about the byte about to be read (serde_json's `peek_error`).
    fn error_at_next(&self, message: &'static str) -> SyntaxError {
        self.error_at((self.position + 1).min(self.bytes.len()), message)
    }

    fn error_at(&self, offset: usize, message: &'static str) -> SyntaxError {
        let before = self.bytes.get(..offset).unwrap_or(self.bytes);
        let line_start = before.iter().rposition(|&byte| byte == b'\n').map_or(0, |newline| newline + 1);
        let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        SyntaxError { message, line, column: offset - line_start }
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        let Some(byte) = self.skip_white_space() else {
            return Err(self.error_at_next(EOF_WHILE_PARSING_VALUE));
        };
        match byte {
            b'n' => self.word(b"null", Node::Null),
            b't' => self.word(b"true", Node::Bool(true)),
            b'f' => self.word(b"false", Node::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            b'"' => {
                self.position += 1;
                self.string().map(Node::String)
            }
            b'[' | b'{' => {
                if self.depth + 1 >= MAX_DEPTH {
                    return Err(self.error_at_next(RECURSION_LIMIT_EXCEEDED));
                }
                self.position += 1;
                self.depth += 1;
                let node = if byte == b'[' { self.array() } else { self.object() };
                self.depth -= 1;
                node
            }
            _ => Err(self.error_at_next(EXPECTED_VALUE)),
        }
    }

    /// `null`, `true` or `false`, whose first letter has been seen.
    fn word(&mut self, word: &[u8], node: Node) -> Result<Node, SyntaxError> {
        for &expected in word {
            match self.next_byte() {
                None => return Err(self.error_here(EOF_WHILE_PARSING_VALUE)),
                Some(byte) if byte != expected => return Err(self.error_here(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(node)
    }

    /// The members after an opening `[`, and its closing `]`.
    fn array(&mut self) -> Result<Node, SyntaxError> {
        let mut elements = Vec::new();
        loop {
            let Some(byte) = self.skip_white_space() else {
                return Err(self.error_at_next(EOF_WHILE_PARSING_LIST));
            };
            if byte == b']' {
                self.position += 1;
                return Ok(Node::Array(elements));
            }
            if !elements.is_empty() {
                if byte != b',' {
                    return Err(self.error_at_next(EXPECTED_LIST_COMMA_OR_END));
                }
                self.position += 1;
                match self.skip_white_space() {
                    Some(b']') => return Err(self.error_at_next(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.error_at_next(EOF_WHILE_PARSING_VALUE)),
                }
            }
            elements.push(self.value()?);
        }
    }

    /// The members after an opening `{`, and its closing `}`.
    fn object(&mut self) -> Result<Node, SyntaxError> {
        let mut members = Vec::new();
        loop {
            let Some(byte) = self.skip_white_space() else {
                return Err(self.error_at_next(EOF_WHILE_PARSING_OBJECT));
            };
            if byte == b'}' {
                self.position += 1;
                return Ok(Node::Object(members));
            }
            if members.is_empty() {
                if byte != b'"' {
                    return Err(self.error_at_next(KEY_MUST_BE_A_STRING));
                }
            } else {
                if byte != b',' {
                    return Err(self.error_at_next(EXPECTED_OBJECT_COMMA_OR_END));
                }
                self.position += 1;
                match self.skip_white_space() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.error_at_next(TRAILING_COMMA)),
                    Some(_) => return Err(self.error_at_next(KEY_MUST_BE_A_STRING)),
                    None => return Err(self.error_at_next(EOF_WHILE_PARSING_VALUE)),
                }
            }
            self.position += 1;
            let key = self.string()?;
            match self.skip_white_space() {
                Some(b':') => self.position += 1,
                Some(_) => return Err(self.error_at_next(EXPECTED_COLON)),
                None => return Err(self.error_at_next(EOF_WHILE_PARSING_OBJECT)),
            }
            let value = self.value()?;
            members.push((key, value));
        }
    }

    /// The decoded content of a string whose opening quote has been read, and its closing quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut decoded = String::new();
        // Runs between escapes are copied whole; they start and end next to ASCII quotes or
        // backslashes, so they are always whole characters of the text.
        let mut run_start = self.position;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error_here(EOF_WHILE_PARSING_STRING));
            };
            match byte {
                b'"' | b'\\' => {
                    decoded.push_str(self.text.get(run_start..self.position).unwrap_or_default());
                    self.position += 1;
                    if byte == b'"' {
                        return Ok(decoded);
                    }
                    self.escape(&mut decoded)?;
                    run_start = self.position;
                }
                0x00..=0x1f => {
                    self.position += 1;
                    return Err(self.error_here(CONTROL_CHARACTER));
                }
                _ => self.position += 1,
            }
        }
    }

    /// One escape, whose backslash has been read.
    fn escape(&mut self, decoded: &mut String) -> Result<(), SyntaxError> {
        let Some(byte) = self.next_byte() else {
            return Err(self.error_here(EOF_WHILE_PARSING_STRING));
        };
        let character = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error_here(INVALID_ESCAPE)),
        };
        decoded.push(character);
        Ok(())
    }

    /// The character of a `\u` escape whose `u` has been read; outside the Basic Multilingual
    /// Plane, a UTF-16 surrogate pair written as two escapes, which must come together.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        const LEADING_SURROGATES: std::ops::RangeInclusive<u32> = 0xD800..=0xDBFF;
        const TRAILING_SURROGATES: std::ops::RangeInclusive<u32> = 0xDC00..=0xDFFF;
        let first = self.four_hex_digits()?;
        if TRAILING_SURROGATES.contains(&first) {
            return Err(self.error_here(LONE_SURROGATE));
        }
        if !LEADING_SURROGATES.contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for expected in [b'\\', b'u'] {
            match self.next_byte() {
                None => return Err(self.error_here(EOF_WHILE_PARSING_STRING)),
                Some(byte) if byte != expected => return Err(self.error_here(UNEXPECTED_END_OF_HEX_ESCAPE)),
                Some(_) => {}
            }
        }
        let second = self.four_hex_digits()?;
        if !TRAILING_SURROGATES.contains(&second) {
            return Err(self.error_here(LONE_SURROGATE));
        }
        let code = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn four_hex_digits(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.bytes.get(self.position..self.position + 4) else {
            self.position = self.bytes.len();
            return Err(self.error_here(EOF_WHILE_PARSING_STRING));
        };
        self.position += 4;
        let value = digits.iter().try_fold(0, |value, &digit| Some(value * 16 + char::from(digit).to_digit(16)?));
        value.ok_or_else(|| self.error_here(INVALID_ESCAPE))
    }

    /// A number, from its minus sign or first digit.
    fn number(&mut self) -> Result<Node, SyntaxError> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        let mantissa_start = self.position;
        match self.next_byte() {
            None => return Err(self.error_here(EOF_WHILE_PARSING_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_at_next(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            Some(_) => return Err(self.error_here(INVALID_NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.position += 1;
            let fraction_start = self.position;
            self.skip_digits();
            if self.position == fraction_start {
                let message = if self.peek().is_some() { INVALID_NUMBER } else { EOF_WHILE_PARSING_VALUE };
                return Err(self.error_at_next(message));
            }
        }
        let mantissa = self.bytes.get(mantissa_start..self.position).unwrap_or_default();
        let is_zero = mantissa.iter().all(|&byte| byte == b'0' || byte == b'.');
        let exponent = if let Some(b'e' | b'E') = self.peek() {
            self.position += 1;
            self.exponent(is_zero)?
        } else {
            0
        };
        if !is_zero && beyond_float_range(mantissa, exponent) {
            return Err(self.error_here(NUMBER_OUT_OF_RANGE));
        }
        Ok(Node::Number(self.text.get(start..self.position).unwrap_or_default().to_owned()))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.position += 1;
        }
    }

    /// The exponent after an `e`, as serde_json reads it into an `i32`: past that, a
    /// non-zero number with a positive exponent is out of range at the digit that overflows,
    /// and any other number is zero.
    fn exponent(&mut self, is_zero: bool) -> Result<i64, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if let Some(b'-' | b'+') = self.peek() {
            self.position += 1;
        }
        let mut exponent: i32 = match self.next_byte() {
            None => return Err(self.error_here(EOF_WHILE_PARSING_VALUE)),
            Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
            Some(_) => return Err(self.error_here(INVALID_NUMBER)),
        };
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            self.position += 1;
            match exponent.checked_mul(10).and_then(|tens| tens.checked_add(i32::from(digit - b'0'))) {
                Some(larger) => exponent = larger,
                None if !negative && !is_zero => return Err(self.error_here(NUMBER_OUT_OF_RANGE)),
                None => {
                    self.skip_digits();
                    return Ok(i64::MIN);
                }
            }
        }
        Ok(if negative { -i64::from(exponent) } else { i64::from(exponent) })
    }
}

/// Whether a non-zero number (its digits and decimal point, then its exponent) is beyond
/// an `f64`'s largest value, 1.7976931348623157e308, which serde_json refused. Within a
/// few units in the last place of that limit, serde_json's own rounding may decide otherwise;
/// no dataset has a reason to be there.
fn beyond_float_range(mantissa: &[u8], exponent: i64) -> bool {
    let point = mantissa.iter().position(|&byte| byte == b'.').unwrap_or(mantissa.len());
    let Some(first_significant) = mantissa.iter().position(|&byte| byte != b'0' && byte != b'.') else {
        return false;
    };
    // The power of ten of the first significant digit, as in scientific notation.
    let magnitude = if first_significant < point {
        (point - first_significant - 1) as i64
    } else {
        -((first_significant - point) as i64)
    };
    match magnitude.saturating_add(exponent).cmp(&308) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => {
            // The largest value's digits, rounded up: from there on the nearest f64 is infinity.
            let digits = mantissa.get(first_significant..).unwrap_or_default().iter().filter(|&&byte| byte != b'.');
            digits.ge(b"17976931348623158".iter())
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every syntax error is compared with serde_json's, message, line and column, and every
    //! accepted document's tree with serde_json's `Value`: serde_json stays a dev-dependency
    //! as the reference this parser replaced.

    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The tree as serde_json's `Value`, where a repeated key keeps its last value, as serde_json's does.
    fn to_value(node: &Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(flag) => Value::Bool(*flag),
            Node::Number(text) => serde_json::from_str(text).unwrap(),
            Node::String(text) => Value::String(text.clone()),
            Node::Array(elements) => Value::Array(elements.iter().map(to_value).collect()),
            Node::Object(members) => {
                Value::Object(members.iter().map(|(key, member)| (key.clone(), to_value(member))).collect())
            }
        }
    }

    fn same_as_serde_json(text: &str) {
        let ours = parse(text).map(|node| to_value(&node)).map_err(|error| error.to_string());
        let reference = serde_json::from_str::<Value>(text).map_err(|error| error.to_string());
        assert_eq!(ours, reference, "for {:?}", text.chars().take(200).collect::<String>());
    }

    #[test]
    fn values_of_every_kind_read_as_serde_json_reads_them() {
        for text in [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "12",
            "-12.5e-3",
            "1E+2",
            "0.000001",
            "18446744073709551616",
            "\"\"",
            r#""plain ب text""#,
            r#""\" \\ \/ \b \f \n \r \t \u00e9 \u0628 \ud83d\ude00""#,
            "[]",
            "{}",
            " [ 1 , [ ] , { } , \"x\" ] ",
            r#"{"b":1,"a":[true,false,null],"c":{"d":"e"}}"#,
            "\n\r\t {\"a\" :\n 1 }\n\n",
            "1e308",
            "-1.7976931348623157e308",
            "1e-400",
            "0e99999999999",
            "1e-99999999999",
            "123456789012345678901234567890e-5",
        ] {
            same_as_serde_json(text);
        }
    }

    #[test]
    fn syntax_errors_have_serde_jsons_message_and_position() {
        for text in [
            "",
            "   ",
            "\n\n  ",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[1 2]",
            "[,1]",
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{,}",
            "{\"a\":1,2:3}",
            "{\"a\":}",
            "]",
            "}",
            ",",
            ":",
            "nul",
            "nulx",
            "tru",
            "trUe",
            "fals",
            "falsy",
            "n",
            "-",
            "--1",
            "-a",
            "01",
            "-01",
            "00",
            "1.",
            "1.e5",
            "1.x",
            ".5",
            "+1",
            "1e",
            "1e+",
            "1ex",
            "1e+x",
            "1x",
            "1 2",
            "1e999",
            "-1e999",
            "1.8e308",
            "10e307",
            "1e2147483648",
            "1e21474836470",
            "0e21474836470",
            "1e-21474836470",
            "9999999999999999999999999999e290",
            "\"",
            "\"abc",
            "\"\\",
            "\"\\q\"",
            "\"\\u\"",
            "\"\\u12\"",
            "\"\\u12",
            "\"\\u12g4\"",
            "\"\\uZZZZ\"",
            "\"\\udc00\"",
            "\"\\ud83d\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\x\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83d\\ud83d\"",
            "\"\\ud83d",
            "\"\\ud83d\\",
            "\"\\ud83d\\u",
            "\"a\u{1}b\"",
            "\"a\tb\"",
            "\"a\nb\"",
            "\"\u{1f}\"",
            "\"\u{7f}\"",
            "nullx",
            "{} {}",
            "[] x",
            "\"a\" \"b\"",
            "ب",
            "[ب]",
            "{\"ب\":ب}",
            "\u{feff}{}",
            "{\"a\":[1,\n2,\n\n  x]}",
            "[\n\n\"\\q\"]",
            "[1,\r\n2,\r\n]",
        ] {
            same_as_serde_json(text);
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 129, 1000] {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                let inner = if open == "[" { "" } else { "1" };
                same_as_serde_json(&format!("{}{inner}{}", open.repeat(depth), close.repeat(depth)));
                same_as_serde_json(&open.repeat(depth));
            }
        }
    }

    #[test]
    fn deep_nesting_is_an_error_on_a_wasm_sized_stack() {
        let check = || {
            for text in ["[".repeat(1_000_000), "{\"a\":".repeat(300_000), format!("{}{}", "[".repeat(127), "]".repeat(127))] {
                let result = parse(&text);
                if text.len() < 1000 {
                    assert!(result.is_ok());
                } else {
                    assert_eq!(result.unwrap_err().message, RECURSION_LIMIT_EXCEEDED);
                }
            }
        };
        std::thread::Builder::new().stack_size(1024 * 1024).spawn(check).unwrap().join().unwrap();
    }

    #[test]
    fn members_keep_their_order_and_repeated_keys() {
        let node = parse(r#"{"b":1,"a":2,"b":[3]}"#).unwrap();
        let expected = Node::Object(vec![
            ("b".to_owned(), Node::Number("1".to_owned())),
            ("a".to_owned(), Node::Number("2".to_owned())),
            ("b".to_owned(), Node::Array(vec![Node::Number("3".to_owned())])),
        ]);
        assert_eq!(node, expected);
    }

    #[test]
    fn numbers_keep_their_text() {
        for text in ["-0", "1E+2", "-12.50e-3", "100000000000000000000000"] {
            assert_eq!(parse(text).unwrap(), Node::Number(text.to_owned()));
        }
    }

    #[test]
    fn escapes_decode_to_their_characters() {
        let node = parse(r#""\ud83d\ude00 \u0041\u00E9\u0628 \/""#).unwrap();
        assert_eq!(node, Node::String("😀 Aéب /".to_owned()));
    }

    #[test]
    fn two_megabytes_of_digits_are_out_of_range_at_their_end() {
        let text = format!("[{}]", "9".repeat(2_000_000));
        same_as_serde_json(&text);
        assert_eq!(parse(&text).unwrap_err().to_string(), "number out of range at line 1 column 2000001");
    }

    #[test]
    fn a_bad_escape_after_two_megabytes_is_placed_by_bytes() {
        let text = format!(r#"{{"parties":"{}\q"}}"#, "x".repeat(2_000_000));
        same_as_serde_json(&text);
        assert_eq!(parse(&text).unwrap_err().to_string(), "invalid escape at line 1 column 2000014");
    }

    #[test]
    fn columns_count_bytes_from_the_line_start() {
        let text = "{\n  \"ب\": [1,\n  ب]}";
        assert_eq!(parse(text).unwrap_err(), SyntaxError { message: EXPECTED_VALUE, line: 3, column: 3 });
        same_as_serde_json(text);
    }

    /// Fragments that make near-JSON: structure, every kind of scalar, and the broken pieces around them.
    const FRAGMENTS: &[&str] = &[
        "{", "}", "[", "]", ":", ",", "\"", "\"a\"", "\"b\"", "null", "true", "false", "nul", "0", "-", "-1", "01",
        "1.5", "1.", "e", "E+", "1e5", "1e999", "17e307", "18e307", ".", " ", "\n", "\t", "\r\n", "\\", "\\u",
        "\\ud83d", "\\ude00", "\\u00e9", "\\n", "\\q", "ب", "😀", "\u{1}", "x",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn fragment_soup_parses_as_serde_json_parses_it(fragments in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40)) {
            same_as_serde_json(&fragments.concat());
        }

        #[test]
        fn json_written_by_serde_json_reads_back(text in "[ -~ب😀\u{1}\\\\\"]{0,20}", number in any::<f64>()) {
            let document = serde_json::json!({ "text": text, "list": [number, -1, u64::MAX], "nested": { "text": text } });
            same_as_serde_json(&document.to_string());
            same_as_serde_json(&serde_json::to_string_pretty(&document).unwrap());
        }
    }
}
