//! "Did you mean …?" — beyond iproute2: after iproute2's own first line, an unknown object or
//! subcommand close to a real one gets a second line naming it.

/// The candidate nearest to `word` by edit distance (insert, delete, substitute, swap), if it is
/// close: at most 2 edits, and fewer edits than half the word's length.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    for &c in candidates {
        let d = distance(word, c);
        if d == 0 {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    (d <= 2 && d * 2 < word.chars().count().max(c.chars().count())).then_some(c)
}

/// Damerau-Levenshtein distance (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_words() {
        let objs = ["address", "route", "link", "netns"];
        assert_eq!(closest("line", &objs), Some("link"));
        assert_eq!(closest("lnik", &objs), Some("link"));
        assert_eq!(closest("rotue", &objs), Some("route"));
        assert_eq!(closest("netsn", &objs), Some("netns"));
        assert_eq!(closest("xyz", &objs), None);
        assert_eq!(closest("ab", &objs), None);
        assert_eq!(closest("shwo", &["show", "set", "add"]), Some("show"));
    }
}
