//! brctl's two streams, buffered as C's stdio buffers them: stdout is kept until exit (or, on a
//! terminal, flushed before each message on stderr, as a line-buffered stdout would have shown
//! it), stderr goes out at once. So `brctl show br0 nosuch 2>&1 | cat` puts the error first, as
//! bridge-utils does.

use std::io::{IsTerminal, Write};

pub struct Out {
    buf: Vec<u8>,
    tty: bool,
}

impl Out {
    pub fn new() -> Out {
        Out {
            buf: Vec::new(),
            tty: std::io::stdout().is_terminal(),
        }
    }

    pub fn print(&mut self, bytes: impl AsRef<[u8]>) {
        self.buf.extend_from_slice(bytes.as_ref());
    }

    /// One line on stderr.
    pub fn error(&mut self, msg: impl AsRef<str>) {
        if self.tty {
            self.flush();
        }
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(msg.as_ref().as_bytes());
        let _ = e.write_all(b"\n");
    }

    pub fn flush(&mut self) {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(&self.buf);
        let _ = o.flush();
        self.buf.clear();
    }
}
