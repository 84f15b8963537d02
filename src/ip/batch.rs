//! `ip -batch FILE` (`-` = stdin): iproute2's getcmdline (a `#` anywhere ends the line, a
//! backslash before the newline continues it) and makeargs (split on blanks, '…' and "…" quote a
//! word). The first failing command stops the batch (`Command failed FILE:N`), unless -force.
//! Errors after which iproute2 calls exit() end the batch at once, -force or not.

use std::io::{BufRead, BufReader, Read};

use super::{Ctx, do_cmd, report};
use crate::error::{Error, io_text};

const MAX_ARGS: usize = 512;

pub fn run(ctx: &mut Ctx, name: &str) -> i32 {
    let input: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(crate::bytes::os(name)) {
            Ok(f) => Box::new(f),
            Err(e) => {
                crate::bytes::eprintln(&format!(
                    "Cannot open file \"{name}\" for reading: {}",
                    io_text(&e)
                ));
                return 1;
            }
        }
    };
    ctx.batch_mode = true;
    let mut lines = Lines {
        r: BufReader::new(input),
        lineno: 0,
    };
    let mut ret = 0;
    while let Some(line) = lines.command() {
        let words = match makeargs(&line) {
            Ok(w) => w,
            Err(e) => return report(Some(ctx), e),
        };
        if words.is_empty() {
            continue;
        }
        ctx.family = ctx.opts.family;
        if let Err(e) = do_cmd(ctx, words) {
            if e.exits() {
                return report(Some(ctx), e);
            }
            report(Some(ctx), e);
            crate::bytes::eprintln(&format!("Command failed {name}:{}", lines.lineno));
            ret = 1;
            if !ctx.opts.force {
                break;
            }
        }
    }
    ret
}

struct Lines<R> {
    r: R,
    lineno: usize,
}

impl<R: BufRead> Lines<R> {
    fn raw(&mut self) -> Option<Vec<u8>> {
        let mut buf = Vec::new();
        match self.r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                self.lineno += 1;
                // iproute2 handles the line as a C string: a NUL byte ends it
                if let Some(i) = buf.iter().position(|&b| b == 0) {
                    buf.truncate(i);
                }
                Some(buf)
            }
        }
    }

    /// One command: comments cut, continuation lines joined.
    fn command(&mut self) -> Option<String> {
        let mut line = self.raw()?;
        cut_comment(&mut line);
        while line.ends_with(b"\\\n") {
            line.truncate(line.len() - 2);
            let Some(mut next) = self.raw() else {
                crate::bytes::eprintln("Missing continuation line");
                return None;
            };
            cut_comment(&mut next);
            line.extend_from_slice(&next);
        }
        Some(crate::bytes::decode(&line).into_owned())
    }
}

fn cut_comment(line: &mut Vec<u8>) {
    if let Some(i) = line.iter().position(|&b| b == b'#') {
        line.truncate(i);
    }
}

/// Splits a command line into words, with iproute2's quoting.
pub fn makeargs(line: &str) -> Result<Vec<String>, Error> {
    let ws = [' ', '\t', '\r', '\n'];
    let mut words = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(ws);
        if rest.is_empty() {
            break;
        }
        if words.len() >= MAX_ARGS - 1 {
            return Err(Error::exit("Too many arguments to command", 1));
        }
        let first = rest.as_bytes()[0];
        if first == b'\'' || first == b'"' {
            let body = &rest[1..];
            let Some(end) = body.find(first as char) else {
                return Err(Error::exit("Unterminated quoted string", 1));
            };
            words.push(body[..end].to_string());
            rest = &body[end + 1..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            words.push(rest[..end].to_string());
            rest = rest.get(end + 1..).unwrap_or("");
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_quote() {
        assert_eq!(
            makeargs("link  set\tdev x up\n").unwrap(),
            ["link", "set", "dev", "x", "up"]
        );
        assert_eq!(
            makeargs("link set x alias 'a b'c").unwrap(),
            ["link", "set", "x", "alias", "a b", "c"]
        );
        assert_eq!(makeargs("a \"x y\"").unwrap(), ["a", "x y"]);
        assert_eq!(makeargs("a b'c").unwrap(), ["a", "b'c"]);
        assert!(makeargs("a 'open").is_err());
        assert!(makeargs("   ").unwrap().is_empty());
    }

    #[test]
    fn comments_and_continuations() {
        let text = b"link show # comment\nnetns \\\nlist\n# only comment\nlast";
        let mut l = Lines {
            r: &text[..],
            lineno: 0,
        };
        assert_eq!(l.command().unwrap(), "link show ");
        assert_eq!(l.command().unwrap(), "netns list\n");
        assert_eq!(l.lineno, 3);
        assert_eq!(l.command().unwrap(), "");
        assert_eq!(l.command().unwrap(), "last");
        assert!(l.command().is_none());
    }
}
