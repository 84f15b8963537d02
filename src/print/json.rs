//! A streaming JSON writer that reproduces iproute2's json_writer byte for byte: compact without
//! any spaces, or pretty with 4-space indents, `[ ` … ` ]` arrays whose scalar items stay on one
//! line, `"key": ` names, and only `\t \n \r \f \b \\ \"` escaped.

#[derive(Debug, Default)]
pub struct JsonWriter {
    depth: usize,
    pretty: bool,
    /// Separator owed before the next item: none at the start of a collection, ',' after an item.
    sep: bool,
}

impl JsonWriter {
    pub fn new(pretty: bool) -> Self {
        JsonWriter {
            depth: 0,
            pretty,
            sep: false,
        }
    }

    fn indent(&self, out: &mut Vec<u8>) {
        for _ in 0..self.depth {
            out.extend_from_slice(b"    ");
        }
    }
    fn eol(&self, out: &mut Vec<u8>) {
        if self.pretty {
            out.push(b'\n');
            self.indent(out);
        }
    }
    fn eor(&mut self, out: &mut Vec<u8>) {
        if self.sep {
            out.push(b',');
        }
        self.sep = true;
    }

    fn begin(&mut self, out: &mut Vec<u8>, c: u8) {
        self.eor(out);
        out.push(c);
        self.depth += 1;
        self.sep = false;
    }
    fn end(&mut self, out: &mut Vec<u8>, c: u8) {
        self.depth = self.depth.saturating_sub(1);
        if self.sep {
            self.eol(out);
        }
        out.push(c);
        self.sep = true;
    }

    pub fn name(&mut self, out: &mut Vec<u8>, name: &str) {
        self.eor(out);
        self.eol(out);
        self.sep = false;
        put_str(out, name.as_bytes());
        out.push(b':');
        if self.pretty {
            out.push(b' ');
        }
    }

    pub fn start_object(&mut self, out: &mut Vec<u8>) {
        self.begin(out, b'{');
    }
    pub fn end_object(&mut self, out: &mut Vec<u8>) {
        self.end(out, b'}');
    }
    pub fn start_array(&mut self, out: &mut Vec<u8>) {
        self.begin(out, b'[');
        if self.pretty {
            out.push(b' ');
        }
    }
    pub fn end_array(&mut self, out: &mut Vec<u8>) {
        if self.pretty && self.sep {
            out.push(b' ');
        }
        self.sep = false;
        self.end(out, b']');
    }

    pub fn string(&mut self, out: &mut Vec<u8>, v: &[u8]) {
        self.eor(out);
        put_str(out, v);
    }
    /// A bare value: numbers, true/false, null.
    pub fn raw(&mut self, out: &mut Vec<u8>, v: std::fmt::Arguments<'_>) {
        use std::io::Write;
        self.eor(out);
        let _ = out.write_fmt(v);
    }

    pub fn depth(&self) -> usize {
        self.depth
    }
}

fn put_str(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for &b in s {
        match b {
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'"' => out.extend_from_slice(b"\\\""),
            _ => out.push(b),
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(pretty: bool) -> String {
        let mut o = Vec::new();
        let mut w = JsonWriter::new(pretty);
        w.start_array(&mut o);
        w.start_object(&mut o);
        w.name(&mut o, "ifname");
        w.string(&mut o, b"lo");
        w.name(&mut o, "flags");
        w.start_array(&mut o);
        w.string(&mut o, b"LOOPBACK");
        w.string(&mut o, b"UP");
        w.end_array(&mut o);
        w.name(&mut o, "addr_info");
        w.start_array(&mut o);
        w.end_array(&mut o);
        w.name(&mut o, "alias");
        w.string(&mut o, b"a\\b\"c'd\te");
        w.end_object(&mut o);
        w.end_array(&mut o);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn compact() {
        assert_eq!(
            doc(false),
            r#"[{"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[],"alias":"a\\b\"c'd\te"}]"#
        );
    }

    #[test]
    fn pretty() {
        let want = "[ {\n        \"ifname\": \"lo\",\n        \"flags\": [ \"LOOPBACK\",\"UP\" ],\n        \"addr_info\": [ ],\n        \"alias\": \"a\\\\b\\\"c'd\\te\"\n    } ]";
        assert_eq!(doc(true), want);
    }
}
