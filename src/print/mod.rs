//! The output layer: one buffered stdout, and iproute2's idea of one call per field that emits the
//! field's text form (with optional color) or its JSON form, so the two never drift apart.
//!
//! Callers hand each field its JSON key and value plus the text to print, e.g.
//! `p.uint("mtu", mtu, format_args!("mtu {mtu} "))`. In JSON mode only the key and value count;
//! in text mode only the text. `text()` and `json_*()` print in one mode only.

pub mod addr;
pub mod json;
pub mod link;
pub mod route;
pub mod stats;

use std::fmt::Arguments;
use std::io::Write;

use json::JsonWriter;

/// iproute2's color attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    None,
    Ifname,
    Mac,
    Inet,
    Inet6,
    Up,
    Down,
}

impl Color {
    fn code(self, dark: bool) -> &'static [u8] {
        let light: &'static [u8] = match self {
            Color::None => b"",
            Color::Ifname => b"\x1b[36m",
            Color::Mac => b"\x1b[33m",
            Color::Inet => b"\x1b[35m",
            Color::Inet6 => b"\x1b[34m",
            Color::Up => b"\x1b[32m",
            Color::Down => b"\x1b[31m",
        };
        if !dark {
            return light;
        }
        match self {
            Color::None => b"",
            Color::Ifname => b"\x1b[1;36m",
            Color::Mac => b"\x1b[1;33m",
            Color::Inet => b"\x1b[1;35m",
            Color::Inet6 => b"\x1b[1;34m",
            Color::Up => b"\x1b[1;32m",
            Color::Down => b"\x1b[1;31m",
        }
    }
}

const RESET: &[u8] = b"\x1b[0m";
const FLUSH_AT: usize = 64 * 1024;

/// Output settings chosen by global options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    pub json: bool,
    pub pretty: bool,
    pub color: bool,
    /// COLORFGBG says the background is dark: bold colors.
    pub dark: bool,
    pub oneline: bool,
    /// -r: addresses in kind details are shown by name (format_host).
    pub resolve: bool,
}

pub struct Printer {
    buf: Vec<u8>,
    /// How much of `buf` iproute2 would already have written: its stdio buffer is flushed at
    /// the end of every record (print_linkinfo, print_addrinfo, print_route end in fflush).
    mark: usize,
    /// stdout is a terminal: C's stdio writes every finished line at once.
    line_buffered: bool,
    /// False for a capturing printer (tests): nothing is written to fd 1.
    to_stdout: bool,
    broken: bool,
    mode: Mode,
    json: Option<JsonWriter>,
}

impl Printer {
    pub fn stdout(mode: Mode) -> Self {
        // SAFETY: isatty only inspects the descriptor.
        let line_buffered = unsafe { libc::isatty(1) == 1 };
        Printer {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            mark: 0,
            line_buffered,
            to_stdout: true,
            broken: false,
            mode,
            json: None,
        }
    }
    /// A printer that keeps everything in memory (for tests).
    #[cfg(test)]
    pub fn capture(mode: Mode) -> Self {
        Printer {
            buf: Vec::new(),
            mark: 0,
            line_buffered: false,
            to_stdout: false,
            broken: false,
            mode,
            json: None,
        }
    }
    #[cfg(test)]
    pub fn take(&mut self) -> Vec<u8> {
        crate::bytes::restore(&mut self.buf);
        std::mem::take(&mut self.buf)
    }

    /// -r was given.
    pub fn resolve(&self) -> bool {
        self.mode.resolve
    }
    /// True between `begin()` and `end()` of a JSON document.
    pub fn is_json(&self) -> bool {
        self.json.is_some()
    }
    /// iproute2's `_SL_`: the line break inside one record (`\` with -o).
    pub fn sl(&self) -> &'static str {
        if self.mode.oneline { "\\" } else { "\n" }
    }

    /// Writes out what is buffered (C's fflush(stdout)). A closed pipe stops further output
    /// quietly.
    pub fn flush(&mut self) {
        self.write_out(self.buf.len());
    }

    /// Writes the first `n` bytes of the buffer. Cuts fall on record ends or line ends, never
    /// inside a name, so escaped bytes are restored whole.
    fn write_out(&mut self, n: usize) {
        let n = n.min(self.buf.len());
        if !self.to_stdout || n == 0 {
            return;
        }
        let mut chunk: Vec<u8> = self.buf.drain(..n).collect();
        self.mark = self.mark.saturating_sub(n);
        crate::bytes::restore(&mut chunk);
        if !self.broken {
            let mut out = std::io::stdout().lock();
            if out.write_all(&chunk).and_then(|_| out.flush()).is_err() {
                self.broken = true;
            }
        }
    }

    /// Before anything goes to stderr: write what iproute2's stdio would have written by now —
    /// every finished record (every finished line on a terminal). What it still holds (the `[`
    /// of a JSON document, lines of a listing that only ends in exit()) stays, so merged
    /// streams come out in iproute2's order.
    pub fn sync_for_stderr(&mut self) {
        let mut n = self.mark;
        if self.line_buffered
            && let Some(i) = self.buf.iter().rposition(|&b| b == b'\n')
        {
            n = n.max(i + 1);
        }
        self.write_out(n);
    }

    /// The end of a record: iproute2 calls fflush(stdout) here. Lets a long listing drain.
    pub fn checkpoint(&mut self) {
        self.mark = self.buf.len();
        self.maybe_flush();
    }
    fn maybe_flush(&mut self) {
        if self.mark >= FLUSH_AT {
            self.write_out(self.mark);
        }
    }

    // ---- documents -------------------------------------------------------------------------

    /// iproute2's new_json_obj: in JSON mode opens the top-level array.
    pub fn begin(&mut self) {
        if self.mode.json {
            let mut w = JsonWriter::new(self.mode.pretty);
            w.start_array(&mut self.buf);
            self.json = Some(w);
        }
    }
    /// iproute2's delete_json_obj: closes the top-level array and ends the line.
    pub fn end(&mut self) {
        if let Some(mut w) = self.json.take() {
            while w.depth() > 1 {
                w.end_object(&mut self.buf);
            }
            w.end_array(&mut self.buf);
            self.buf.push(b'\n');
            // jsonw_destroy flushes stdout
            self.mark = self.buf.len();
        }
        self.maybe_flush();
    }

    // ---- text only -------------------------------------------------------------------------

    /// Text printed only outside JSON (iproute2's PRINT_FP).
    pub fn text(&mut self, args: Arguments<'_>) {
        if self.json.is_none() {
            let _ = self.buf.write_fmt(args);
        }
    }
    pub fn text_str(&mut self, s: &str) {
        if self.json.is_none() {
            self.buf.extend_from_slice(s.as_bytes());
        }
    }
    pub fn color_text(&mut self, color: Color, args: Arguments<'_>) {
        if self.json.is_none() {
            self.colored(color, |b| {
                let _ = b.write_fmt(args);
            });
        }
    }
    /// `_SL_` in text mode: newline, or `\` with -o.
    pub fn nl(&mut self) {
        if self.json.is_none() {
            let sl = self.sl();
            self.buf.extend_from_slice(sl.as_bytes());
        }
    }

    fn colored(&mut self, color: Color, f: impl FnOnce(&mut Vec<u8>)) {
        let on = self.mode.color && color != Color::None;
        if on {
            self.buf.extend_from_slice(color.code(self.mode.dark));
        }
        f(&mut self.buf);
        if on {
            self.buf.extend_from_slice(RESET);
        }
    }

    // ---- fields: JSON key/value or text -------------------------------------------------------

    pub fn string(&mut self, key: &str, v: impl AsRef<[u8]>, text: Arguments<'_>) {
        self.color_string(Color::None, key, v, text)
    }
    pub fn color_string(
        &mut self,
        color: Color,
        key: &str,
        v: impl AsRef<[u8]>,
        text: Arguments<'_>,
    ) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.string(&mut self.buf, v.as_ref());
        } else {
            self.color_text(color, text);
        }
    }
    pub fn uint(&mut self, key: &str, v: u64, text: Arguments<'_>) {
        self.number(key, format_args!("{v}"), text)
    }
    /// iproute2's most common field, `print_uint(PRINT_ANY, key, "label %u ", v)`, when present.
    pub fn opt_uint(&mut self, key: &str, label: &str, v: Option<u64>) {
        if let Some(v) = v {
            self.uint(key, v, format_args!("{label} {v} "));
        }
    }
    pub fn int(&mut self, key: &str, v: i64, text: Arguments<'_>) {
        self.number(key, format_args!("{v}"), text)
    }
    pub fn bool(&mut self, key: &str, v: bool, text: Arguments<'_>) {
        self.number(key, format_args!("{v}"), text)
    }
    pub fn null(&mut self, key: &str, text: Arguments<'_>) {
        self.number(key, format_args!("null"), text)
    }
    /// A number whose JSON form is a string in hex: `"%x"` (iproute2's print_hex).
    pub fn hex(&mut self, key: &str, v: u64, text: Arguments<'_>) {
        if self.json.is_some() {
            let s = format!("{v:x}");
            self.json_string(key, &s);
        } else {
            self.text(text);
        }
    }
    /// A number whose JSON form is a string `"%#llx"` (iproute2's print_0xhex: `0` for zero,
    /// `0x…` otherwise).
    pub fn xhex(&mut self, key: &str, v: u64, text: Arguments<'_>) {
        if self.json.is_some() {
            let s = if v == 0 {
                "0".to_string()
            } else {
                format!("{v:#x}")
            };
            self.json_string(key, &s);
        } else {
            self.text(text);
        }
    }
    /// A JSON number written as `v` (e.g. a timer `0.00`), or `text` outside JSON.
    pub fn number(&mut self, key: &str, v: Arguments<'_>, text: Arguments<'_>) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.raw(&mut self.buf, v);
        } else {
            let _ = self.buf.write_fmt(text);
        }
    }

    // ---- JSON only ---------------------------------------------------------------------------

    pub fn json_string(&mut self, key: &str, v: impl AsRef<[u8]>) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.string(&mut self.buf, v.as_ref());
        }
    }
    pub fn json_uint(&mut self, key: &str, v: u64) {
        self.json_raw(key, format_args!("{v}"))
    }
    pub fn json_int(&mut self, key: &str, v: i64) {
        self.json_raw(key, format_args!("{v}"))
    }
    pub fn json_bool(&mut self, key: &str, v: bool) {
        self.json_raw(key, format_args!("{v}"))
    }
    pub fn json_null(&mut self, key: &str) {
        self.json_raw(key, format_args!("null"))
    }
    fn json_raw(&mut self, key: &str, v: Arguments<'_>) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.raw(&mut self.buf, v);
        }
    }

    // ---- nesting ------------------------------------------------------------------------------

    /// open_json_object: `key` empty for an anonymous object (an array item).
    pub fn open_object(&mut self, key: &str) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.start_object(&mut self.buf);
        }
    }
    pub fn close_object(&mut self) {
        if let Some(w) = self.json.as_mut() {
            w.end_object(&mut self.buf);
        }
    }
    /// open_json_array(PRINT_ANY …): a JSON array, or `text` outside JSON.
    pub fn open_array(&mut self, key: &str, text: &str) {
        if let Some(w) = self.json.as_mut() {
            if !key.is_empty() {
                w.name(&mut self.buf, key);
            }
            w.start_array(&mut self.buf);
        } else {
            self.buf.extend_from_slice(text.as_bytes());
        }
    }
    pub fn close_array(&mut self, text: &str) {
        if let Some(w) = self.json.as_mut() {
            w.end_array(&mut self.buf);
        } else {
            self.buf.extend_from_slice(text.as_bytes());
        }
    }
    /// open_json_array(PRINT_JSON …): nothing in text mode.
    pub fn json_open_array(&mut self, key: &str) {
        if self.json.is_some() {
            self.open_array(key, "");
        }
    }
    pub fn json_close_array(&mut self) {
        if self.json.is_some() {
            self.close_array("");
        }
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        self.flush();
    }
}

/// What `f` prints inside one object of a JSON or text document (for printers' unit tests).
#[cfg(test)]
pub fn render_object(json: bool, f: impl FnOnce(&mut Printer)) -> String {
    let mut p = Printer::capture(Mode {
        json,
        ..Mode::default()
    });
    p.begin();
    p.open_object("");
    f(&mut p);
    p.close_object();
    p.end();
    String::from_utf8_lossy(&p.take()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_call_two_forms() {
        for json in [false, true] {
            let mut p = Printer::capture(Mode {
                json,
                ..Mode::default()
            });
            p.begin();
            p.open_object("");
            p.uint("mtu", 1500, format_args!("mtu {} ", 1500));
            p.color_string(Color::Ifname, "ifname", "lo", format_args!("{}: ", "lo"));
            p.close_object();
            p.end();
            let got = String::from_utf8(p.take()).unwrap();
            if json {
                assert_eq!(got, "[{\"mtu\":1500,\"ifname\":\"lo\"}]\n");
            } else {
                assert_eq!(got, "mtu 1500 lo: ");
            }
        }
    }

    #[test]
    fn color_wraps_the_whole_text() {
        let mut p = Printer::capture(Mode {
            color: true,
            ..Mode::default()
        });
        p.color_string(Color::Ifname, "ifname", "lo", format_args!("{}: ", "lo"));
        assert_eq!(p.take(), b"\x1b[36mlo: \x1b[0m");
        let mut p = Printer::capture(Mode {
            color: true,
            dark: true,
            ..Mode::default()
        });
        p.color_text(Color::Mac, format_args!("x"));
        assert_eq!(p.take(), b"\x1b[1;33mx\x1b[0m");
    }

    #[test]
    fn empty_json_documents() {
        let mut p = Printer::capture(Mode {
            json: true,
            ..Mode::default()
        });
        p.begin();
        p.end();
        assert_eq!(p.take(), b"[]\n");
        let mut p = Printer::capture(Mode {
            json: true,
            pretty: true,
            ..Mode::default()
        });
        p.begin();
        p.end();
        assert_eq!(p.take(), b"[ ]\n");
    }
}
