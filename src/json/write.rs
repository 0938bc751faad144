//! Writes small JSON documents (and their numbers) without serde or float formatting machinery.
//!
//! Every function here is plain, non-generic code: the wasm pays once for each, where serde
//! paid per type and `format!("{:.2}")` on an `f64` pulled in core's float printing (dragon and
//! grisu, 8 to 10 KB; issue #7). Numbers are rounded with integer arithmetic on the exact
//! binary value of the `f64`, half to even, which is what `format!("{:.N}")` does too.

/// Builds one JSON document, compact or pretty, from calls in document order.
///
/// The caller opens and closes arrays and objects and writes a `key` before each member's
/// value; commas, colons and (when pretty) line breaks and indentation are the writer's job.
pub struct JsonWriter {
    text: String,
    pretty: bool,
    /// One entry per open array or object: whether it has a member yet, which decides
    /// whether the next one needs a comma and whether the closing bracket gets its own line.
    open: Vec<bool>,
    /// Set by `key`: the value that follows goes right after the colon.
    after_key: bool,
}

impl JsonWriter {
    /// No whitespace at all, as `serde_json::to_string` writes: for the documents the host parses.
    pub fn compact() -> JsonWriter {
        JsonWriter { text: String::new(), pretty: false, open: Vec::new(), after_key: false }
    }

    /// Two-space indentation, one member per line, as `serde_json::to_string_pretty` writes:
    /// for files people read.
    pub fn pretty() -> JsonWriter {
        JsonWriter { pretty: true, ..JsonWriter::compact() }
    }

    /// The document; brackets left open stay open, as the calls wrote them.
    pub fn finish(self) -> String {
        self.text
    }

    pub fn begin_object(&mut self) {
        self.before_value();
        self.text.push('{');
        self.open.push(false);
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.before_value();
        self.text.push('[');
        self.open.push(false);
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// The name of the object member whose value comes next.
    pub fn key(&mut self, name: &str) {
        self.before_value();
        push_string(&mut self.text, name);
        self.text.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
    }

    pub fn string(&mut self, value: &str) {
        self.before_value();
        push_string(&mut self.text, value);
    }

    /// The string, or `null` when there is none.
    pub fn optional_string(&mut self, value: Option<&str>) {
        match value {
            Some(value) => self.string(value),
            None => self.null(),
        }
    }

    /// An object member whose value is a string: one call for the `key` and `string` pair that
    /// most members are, so each of the many places writing one costs the wasm one call.
    pub fn string_member(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    /// An object member whose value is a string or `null`.
    pub fn optional_string_member(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        self.optional_string(value);
    }

    /// An array of strings, e.g. a table row.
    pub fn strings(&mut self, values: &[String]) {
        self.begin_array();
        for value in values {
            self.string(value);
        }
        self.end_array();
    }

    pub fn null(&mut self) {
        self.before_value();
        self.text.push_str("null");
    }

    pub fn boolean(&mut self, value: bool) {
        self.before_value();
        self.text.push_str(if value { "true" } else { "false" });
    }

    pub fn unsigned(&mut self, value: u64) {
        self.before_value();
        push_unsigned(&mut self.text, value);
    }

    pub fn integer(&mut self, value: i64) {
        self.before_value();
        if value < 0 {
            self.text.push('-');
        }
        push_unsigned(&mut self.text, value.unsigned_abs());
    }

    /// A number rounded to at most `max_decimals` decimals (see [`push_decimal`]); `null` when not finite.
    pub fn number(&mut self, value: f64, max_decimals: u32) {
        self.before_value();
        push_decimal(&mut self.text, value, max_decimals);
    }

    fn before_value(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        let depth = self.open.len();
        if let Some(has_member) = self.open.last_mut() {
            if *has_member {
                self.text.push(',');
            }
            *has_member = true;
            if self.pretty {
                self.new_line(depth);
            }
        }
    }

    fn close(&mut self, bracket: char) {
        let had_members = self.open.pop().unwrap_or(false);
        if self.pretty && had_members {
            self.new_line(self.open.len());
        }
        self.text.push(bracket);
    }

    fn new_line(&mut self, depth: usize) {
        self.text.push('\n');
        for _ in 0..depth {
            self.text.push_str("  ");
        }
    }
}

/// Appends `value` as a JSON string, escaped per RFC 8259 as serde_json escapes it: quote,
/// backslash and control characters only; everything else, U+2028 and emoji included, stays UTF-8.
pub fn push_string(out: &mut String, value: &str) {
    out.push('"');
    for character in value.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            control if u32::from(control) < 0x20 => {
                out.push_str("\\u00");
                out.push(hex_digit(u32::from(control) >> 4));
                out.push(hex_digit(u32::from(control)));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

/// Lowercase, like serde_json's `\u001f` (and Rust's `\u{202e}` in data::validate's messages).
pub(crate) fn hex_digit(value: u32) -> char {
    char::from_digit(value & 0xF, 16).unwrap_or('0')
}

/// Appends the decimal digits of `value`: the leading ones first, by recursion (at most 20 deep),
/// which is smaller in the wasm than filling and copying a buffer.
pub fn push_unsigned(out: &mut String, value: u64) {
    if value >= 10 {
        push_unsigned(out, value / 10);
    }
    out.push(char::from(b'0' + (value % 10) as u8));
}

/// `value` rounded to at most `max_decimals` decimals (at most 20), trailing zeros dropped:
/// `12.5`, `0.33`, `-3`, `0` for anything that rounds to zero; `null` when not finite,
/// which is what serde_json writes for NaN and the infinities.
pub fn decimal(value: f64, max_decimals: u32) -> String {
    let mut out = String::new();
    push_decimal(&mut out, value, max_decimals);
    out
}

/// [`decimal`], appended to `out`: for CSS lengths and font sizes as well as JSON.
pub fn push_decimal(out: &mut String, value: f64, max_decimals: u32) {
    if !value.is_finite() {
        out.push_str("null");
        return;
    }
    let decimals = max_decimals.min(MAX_DECIMALS);
    let digits = scaled_digits(value.abs(), decimals);
    let Some((whole, fraction)) = digits.split_at_checked(digits.len().saturating_sub(decimals as usize)) else {
        out.push('0');
        return;
    };
    let significant = fraction.iter().rposition(|&digit| digit != 0).map_or(0, |last| last + 1);
    let fraction = fraction.get(..significant).unwrap_or(&[]);
    if whole.iter().all(|&digit| digit == 0) && fraction.is_empty() {
        out.push('0');
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    push_digit_values(out, whole);
    if !fraction.is_empty() {
        out.push('.');
        push_digit_values(out, fraction);
    }
}

/// `value` with exactly `decimals` decimals (at most 20), written as `format!("{value:.decimals$}")`
/// writes it, sign of negative zero and `NaN`/`inf` included, without core's float formatting.
pub fn fixed(value: f64, decimals: u32) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let decimals = decimals.min(MAX_DECIMALS);
    let digits = scaled_digits(value.abs(), decimals);
    let (whole, fraction) = digits.split_at_checked(digits.len().saturating_sub(decimals as usize)).unwrap_or((&digits, &[]));
    push_digit_values(&mut out, whole);
    if decimals > 0 {
        out.push('.');
        push_digit_values(&mut out, fraction);
    }
    out
}

/// Enough for any chart or CSS value; bounds the work a caller's typo could ask for.
const MAX_DECIMALS: u32 = 20;

fn push_digit_values(out: &mut String, digits: &[u8]) {
    for &digit in digits {
        out.push(char::from(b'0' + digit));
    }
}

/// The exact value of the finite, non-negative `magnitude` times 10^`decimals`, rounded to an
/// integer half to even, as digit values (0 to 9), most significant first, at least
/// `decimals + 1` of them so that the caller can split off the fraction.
///
/// An `f64` is `mantissa × 2^exponent` exactly; the product is computed in base-2^32 limbs,
/// so every finite value is written exactly, 1e300 and 5e-324 included.
fn scaled_digits(magnitude: f64, decimals: u32) -> Vec<u8> {
    let bits = magnitude.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7FF) as i32;
    let fraction_bits = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction_bits, -1074)
    } else {
        (fraction_bits | (1 << 52), biased_exponent - 1075)
    };
    let mut limbs = vec![mantissa as u32, (mantissa >> 32) as u32];
    for _ in 0..decimals {
        multiply(&mut limbs, 10);
    }
    if exponent >= 0 {
        let mut remaining = exponent.unsigned_abs();
        while remaining > 0 {
            let step = remaining.min(31);
            multiply(&mut limbs, 1 << step);
            remaining -= step;
        }
    } else {
        // Shifted right all but one bit, remembering whether anything nonzero fell off; the last
        // bit shifted out is then the half, and the rest decides a tie for even.
        let mut remaining = exponent.unsigned_abs() - 1;
        let mut below_half_nonzero = false;
        while remaining > 0 {
            let step = remaining.min(31);
            below_half_nonzero |= divide(&mut limbs, 1 << step) != 0;
            remaining -= step;
        }
        let half = divide(&mut limbs, 2) == 1;
        let odd = limbs.first().is_some_and(|lowest| lowest & 1 == 1);
        if half && (below_half_nonzero || odd) {
            add_one(&mut limbs);
        }
    }
    let mut digits = Vec::new();
    while digits.len() <= decimals as usize || limbs.iter().any(|&limb| limb != 0) {
        digits.push(divide(&mut limbs, 10) as u8);
    }
    digits.reverse();
    digits
}

/// `limbs` (little-endian, base 2^32) times `factor`, which must be at most 2^31.
fn multiply(limbs: &mut Vec<u32>, factor: u32) {
    let mut carry: u64 = 0;
    for limb in limbs.iter_mut() {
        let product = u64::from(*limb) * u64::from(factor) + carry;
        *limb = product as u32;
        carry = product >> 32;
    }
    if carry > 0 {
        limbs.push(carry as u32);
    }
}

/// Divides `limbs` by `divisor` (at most 2^31) in place and returns the remainder.
fn divide(limbs: &mut [u32], divisor: u32) -> u32 {
    let mut remainder: u64 = 0;
    for limb in limbs.iter_mut().rev() {
        let current = (remainder << 32) | u64::from(*limb);
        *limb = (current / u64::from(divisor)) as u32;
        remainder = current % u64::from(divisor);
    }
    remainder as u32
}

fn add_one(limbs: &mut Vec<u32>) {
    for limb in limbs.iter_mut() {
        let (sum, overflowed) = limb.overflowing_add(1);
        *limb = sum;
        if !overflowed {
            return;
        }
    }
    limbs.push(1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TRICKY_STRINGS: &[&str] = &[
        "",
        "plain",
        "say \"hi\"",
        "back\\slash \\\" both",
        "line\nbreak\r\n\ttab \u{8} \u{c}",
        "\u{0}\u{1}\u{1f}\u{7f}",
        "حزب العدالة والتنمية «المصباح»",
        "line\u{2028}separator\u{2029}paragraph",
        "emoji 🗳️ 👍🏽 and \u{202E}override",
        "</script><!--",
    ];

    #[test]
    fn strings_escape_like_serde_json_and_read_back_the_same() {
        for &text in TRICKY_STRINGS {
            let mut written = String::new();
            push_string(&mut written, text);
            assert_eq!(written, serde_json::to_string(text).unwrap(), "{text:?}");
            let read: String = serde_json::from_str(&written).unwrap();
            assert_eq!(read, text);
        }
    }

    #[test]
    fn control_characters_use_the_short_escapes_or_lowercase_hex() {
        let mut written = String::new();
        push_string(&mut written, "\n\t\r\u{8}\u{c}\u{0}\u{1b}\u{1f}");
        assert_eq!(written, r#""\n\t\r\b\f\u0000\u001b\u001f""#);
    }

    fn sample_document(writer: &mut JsonWriter) {
        writer.begin_object();
        writer.key("index");
        writer.unsigned(3);
        writer.key("label");
        writer.string("حزب \"PJD\"\n");
        writer.key("rect");
        writer.begin_array();
        for value in [1.5, -0.25, 24.0, 0.333] {
            writer.number(value, 2);
        }
        writer.end_array();
        writer.key("none");
        writer.null();
        writer.key("empty");
        writer.begin_array();
        writer.end_array();
        writer.key("nested");
        writer.begin_object();
        writer.key("flag");
        writer.boolean(true);
        writer.key("offset");
        writer.integer(-12);
        writer.key("missing");
        writer.optional_string(None);
        writer.key("row");
        writer.strings(&["a".to_owned(), "b".to_owned()]);
        writer.end_object();
        writer.key("empty_object");
        writer.begin_object();
        writer.end_object();
        writer.end_object();
    }

    fn sample_value() -> serde_json::Value {
        serde_json::json!({
            "index": 3,
            "label": "حزب \"PJD\"\n",
            "rect": [1.5, -0.25, 24, 0.33],
            "none": null,
            "empty": [],
            "nested": { "flag": true, "offset": -12, "missing": null, "row": ["a", "b"] },
            "empty_object": {},
        })
    }

    #[test]
    fn a_compact_document_has_no_whitespace_and_parses_back() {
        let mut writer = JsonWriter::compact();
        sample_document(&mut writer);
        let written = writer.finish();
        assert_eq!(
            written,
            r#"{"index":3,"label":"حزب \"PJD\"\n","rect":[1.5,-0.25,24,0.33],"none":null,"empty":[],"nested":{"flag":true,"offset":-12,"missing":null,"row":["a","b"]},"empty_object":{}}"#
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), sample_value());
    }

    #[test]
    fn a_pretty_document_is_laid_out_as_serde_json_lays_it_out() {
        let mut writer = JsonWriter::pretty();
        writer.begin_object();
        writer.key("name");
        writer.string("x");
        writer.key("list");
        writer.begin_array();
        writer.unsigned(1);
        writer.begin_object();
        writer.key("empty");
        writer.begin_array();
        writer.end_array();
        writer.end_object();
        writer.end_array();
        writer.end_object();
        let expected = "{\n  \"name\": \"x\",\n  \"list\": [\n    1,\n    {\n      \"empty\": []\n    }\n  ]\n}";
        assert_eq!(writer.finish(), expected);
        // The same layout as serde_json's, which sorts this document's keys the same way.
        let sorted = serde_json::json!({ "list": [1, { "empty": [] }], "name": "x" });
        let mut writer = JsonWriter::pretty();
        writer.begin_object();
        writer.key("list");
        writer.begin_array();
        writer.unsigned(1);
        writer.begin_object();
        writer.key("empty");
        writer.begin_array();
        writer.end_array();
        writer.end_object();
        writer.end_array();
        writer.key("name");
        writer.string("x");
        writer.end_object();
        assert_eq!(writer.finish(), serde_json::to_string_pretty(&sorted).unwrap());

        let mut writer = JsonWriter::pretty();
        sample_document(&mut writer);
        let written = writer.finish();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), sample_value());
    }

    #[test]
    fn decimals_are_rounded_and_trimmed() {
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(1.0 / 3.0, 2), "0.33");
        assert_eq!(decimal(-3.0, 2), "-3");
        assert_eq!(decimal(0.0, 2), "0");
        assert_eq!(decimal(-0.0, 2), "0");
        assert_eq!(decimal(-0.001, 2), "0");
        assert_eq!(decimal(2.675, 2), "2.67"); // 2.67499999… in binary
        assert_eq!(decimal(0.125, 2), "0.12"); // an exact tie goes to even
        assert_eq!(decimal(0.375, 2), "0.38");
        assert_eq!(decimal(99.999, 2), "100");
        assert_eq!(decimal(640.0, 0), "640");
        assert_eq!(decimal(1e21, 2), "1000000000000000000000");
        assert_eq!(decimal(5e-324, 2), "0");
        assert_eq!(decimal(f64::NAN, 2), "null");
        assert_eq!(decimal(f64::NEG_INFINITY, 2), "null");
        assert_eq!(decimal(f64::MAX, 0).len(), 309);
    }

    #[test]
    fn unsigned_integers_are_written_whole() {
        for value in [0, 7, 10, 1234567890, u64::MAX] {
            let mut written = String::new();
            push_unsigned(&mut written, value);
            assert_eq!(written, value.to_string());
        }
    }

    #[test]
    fn fixed_matches_core_formatting_on_edge_cases() {
        for value in [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1.005, 2.675, 1e-7, 123456.789, 1e22, 5e-324, f64::MAX, f64::MIN_POSITIVE] {
            for decimals in [0, 1, 2, 3, 6] {
                assert_eq!(fixed(value, decimals), format!("{value:.*}", decimals as usize), "{value} with {decimals}");
            }
        }
        assert_eq!(fixed(f64::NAN, 2), format!("{:.2}", f64::NAN));
        assert_eq!(fixed(f64::INFINITY, 2), format!("{:.2}", f64::INFINITY));
        assert_eq!(fixed(f64::NEG_INFINITY, 2), format!("{:.2}", f64::NEG_INFINITY));
    }

    proptest! {
        #[test]
        fn fixed_matches_core_formatting(value in proptest::num::f64::ANY, decimals in 0u32..=8) {
            prop_assert_eq!(fixed(value, decimals), format!("{value:.*}", decimals as usize));
        }

        #[test]
        fn fixed_matches_core_formatting_on_chart_sized_values(value in -100_000.0f64..100_000.0, decimals in 0u32..=6) {
            prop_assert_eq!(fixed(value, decimals), format!("{value:.*}", decimals as usize));
        }

        #[test]
        fn decimals_read_back_within_half_a_unit(value in -1e6f64..1e6, max_decimals in 0u32..=6) {
            let written = decimal(value, max_decimals);
            let read: f64 = written.parse().unwrap();
            prop_assert!((read - value).abs() <= 0.5 * 10f64.powi(-(max_decimals as i32)) * (1.0 + 1e-9), "{} → {}", value, written);
        }

        #[test]
        fn any_string_round_trips_through_serde_json(text in any::<String>()) {
            let mut written = String::new();
            push_string(&mut written, &text);
            prop_assert_eq!(&written, &serde_json::to_string(&text).unwrap());
        }
    }
}
