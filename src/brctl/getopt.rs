//! brctl's option handling: glibc `getopt_long(argc, argv, "Vh", {help, version})`.
//!
//! glibc permutes: an option anywhere on the line counts (`brctl show -h`, and so
//! `brctl setageing br0 -5` is the invalid option `-5`), `--` ends the options, a lone `-` is a
//! word, long options may be cut to any unique prefix (`--vers`). brctl acts on the first option it
//! is handed and exits, so only that one matters. With POSIXLY_CORRECT set, glibc stops at the
//! first word that is not an option; so do we. lexopt cannot be used here: it neither permutes
//! nor knows prefixes, and its messages are not glibc's.

/// What the option scan leaves brctl with.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Help,
    Version,
    /// getopt returned '?' after printing these messages.
    Bad(Vec<String>),
    /// No option: the words left, in order (the command and its arguments).
    Words(Vec<String>),
}

const LONG: [(&str, char); 2] = [("help", 'h'), ("version", 'V')];

pub fn parse(prog: &str, args: &[String], posixly_correct: bool) -> Parsed {
    let mut words = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            words.extend(args[i + 1..].iter().cloned());
            return Parsed::Words(words);
        }
        if a.len() < 2 || !a.starts_with('-') {
            if posixly_correct {
                words.extend(args[i..].iter().cloned());
                return Parsed::Words(words);
            }
            words.push(a.clone());
            continue;
        }
        return match a.strip_prefix("--") {
            Some(long) => long_option(prog, long),
            None => match a[1..].chars().next() {
                Some('h') => Parsed::Help,
                Some('V') => Parsed::Version,
                Some(c) => Parsed::Bad(vec![format!("{prog}: invalid option -- '{c}'")]),
                None => Parsed::Words(words),
            },
        };
    }
    Parsed::Words(words)
}

fn long_option(prog: &str, text: &str) -> Parsed {
    let (name, has_value) = match text.find('=') {
        Some(i) => (&text[..i], true),
        None => (text, false),
    };
    let matches: Vec<&(&str, char)> = match LONG.iter().find(|(n, _)| *n == name) {
        Some(exact) => vec![exact],
        None => LONG.iter().filter(|(n, _)| n.starts_with(name)).collect(),
    };
    let found = match matches.as_slice() {
        [] => return Parsed::Bad(vec![format!("{prog}: unrecognized option '--{text}'")]),
        [one] => *one,
        many => {
            let list: String = many.iter().map(|(n, _)| format!(" '--{n}'")).collect();
            return Parsed::Bad(vec![format!(
                "{prog}: option '--{text}' is ambiguous; possibilities:{list}"
            )]);
        }
    };
    if has_value {
        return Parsed::Bad(vec![format!(
            "{prog}: option '--{}' doesn't allow an argument",
            found.0
        )]);
    }
    if found.1 == 'h' {
        Parsed::Help
    } else {
        Parsed::Version
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: &str) -> Parsed {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse("brctl", &args, false)
    }
    fn words(w: &[&str]) -> Parsed {
        Parsed::Words(w.iter().map(|s| s.to_string()).collect())
    }
    fn bad(m: &str) -> Parsed {
        Parsed::Bad(vec![m.to_string()])
    }

    #[test]
    fn options_anywhere() {
        assert_eq!(p("show br0 -h"), Parsed::Help);
        assert_eq!(p("-hx"), Parsed::Help);
        assert_eq!(p("-Vh"), Parsed::Version);
        assert_eq!(p("-xh"), bad("brctl: invalid option -- 'x'"));
        assert_eq!(p("setageing br0 -5"), bad("brctl: invalid option -- '5'"));
        assert_eq!(p("--he"), Parsed::Help);
        assert_eq!(p("--vers"), Parsed::Version);
        assert_eq!(
            p("--foo=bar"),
            bad("brctl: unrecognized option '--foo=bar'")
        );
        assert_eq!(p("---"), bad("brctl: unrecognized option '---'"));
        assert_eq!(
            p("--help=x"),
            bad("brctl: option '--help' doesn't allow an argument")
        );
        assert_eq!(
            p("--vers=1"),
            bad("brctl: option '--version' doesn't allow an argument")
        );
        assert_eq!(
            p("--="),
            bad("brctl: option '--=' is ambiguous; possibilities: '--help' '--version'")
        );
    }

    #[test]
    fn words_and_double_dash() {
        assert_eq!(p("-"), words(&["-"]));
        assert_eq!(p("-- -h"), words(&["-h"]));
        assert_eq!(p("show -- -h"), words(&["show", "-h"]));
        assert_eq!(p("-- --"), words(&["--"]));
        assert_eq!(p("--"), words(&[]));
        assert_eq!(p(""), words(&[]));
        let args: Vec<String> = ["show", "-x"].iter().map(|s| s.to_string()).collect();
        assert_eq!(parse("brctl", &args, true), words(&["show", "-x"]));
    }
}
