//! `-s` link statistics (iproute2's print_stats64): columns widened to the widest number,
//! `-s -s` error detail, `-h`/`-iec` human units, and the JSON `stats64` object.

use super::Printer;
use super::link::LinkOpts;
use crate::netlink::link::Stats64;

/// iproute2's print_num: a right-aligned number and a space, or `1.23k` with -h.
fn num(p: &mut Printer, width: usize, count: u64, o: LinkOpts) {
    let base: u64 = if o.iec { 1024 } else { 1000 };
    if !o.human || count < base {
        p.text(format_args!("{count:>width$} "));
        return;
    }
    let prefixes = ['k', 'M', 'G', 'T', 'P', 'E'];
    let mut idx = 0;
    let mut powi: u64 = 1;
    loop {
        powi = powi.saturating_mul(base);
        if count / base < powi {
            break;
        }
        if idx + 1 >= prefixes.len() {
            break;
        }
        idx += 1;
    }
    let mut precision: usize = 2;
    let mut powj: u64 = 1;
    while precision > 0 {
        powj *= 10;
        if count / powi < powj {
            break;
        }
        precision -= 1;
    }
    let v = count as f64 / powi as f64;
    let s = format!(
        "{v:.precision$}{}{}",
        prefixes[idx],
        if o.iec { "i" } else { "" }
    );
    p.text(format_args!("{s:>width$} "));
}

fn digits(mut v: u64) -> usize {
    let mut n = 1;
    while v > 9 {
        n += 1;
        v /= 10;
    }
    n
}

fn size(cols: &mut [usize; 8], vals: [u64; 8], human: bool) {
    if human {
        return;
    }
    for (c, v) in cols.iter_mut().zip(vals) {
        *c = (*c).max(digits(v));
    }
}

pub fn print_stats64(
    p: &mut Printer,
    s: &Stats64,
    carrier_changes: Option<u32>,
    what: &str,
    o: LinkOpts,
) {
    if p.is_json() {
        p.open_object(what);
        p.open_object("rx");
        p.json_uint("bytes", s.rx_bytes);
        p.json_uint("packets", s.rx_packets);
        p.json_uint("errors", s.rx_errors);
        p.json_uint("dropped", s.rx_dropped);
        p.json_uint("over_errors", s.rx_over_errors);
        p.json_uint("multicast", s.multicast);
        if s.rx_compressed != 0 {
            p.json_uint("compressed", s.rx_compressed);
        }
        if o.stats > 1 {
            p.json_uint("length_errors", s.rx_length_errors);
            p.json_uint("crc_errors", s.rx_crc_errors);
            p.json_uint("frame_errors", s.rx_frame_errors);
            p.json_uint("fifo_errors", s.rx_fifo_errors);
            p.json_uint("missed_errors", s.rx_missed_errors);
            if s.rx_nohandler != 0 {
                p.json_uint("nohandler", s.rx_nohandler);
            }
            if s.rx_otherhost_dropped != 0 {
                p.json_uint("otherhost", s.rx_otherhost_dropped);
            }
        }
        p.close_object();
        p.open_object("tx");
        p.json_uint("bytes", s.tx_bytes);
        p.json_uint("packets", s.tx_packets);
        p.json_uint("errors", s.tx_errors);
        p.json_uint("dropped", s.tx_dropped);
        p.json_uint("carrier_errors", s.tx_carrier_errors);
        p.json_uint("collisions", s.collisions);
        if s.tx_compressed != 0 {
            p.json_uint("compressed", s.tx_compressed);
        }
        if o.stats > 1 {
            p.json_uint("aborted_errors", s.tx_aborted_errors);
            p.json_uint("fifo_errors", s.tx_fifo_errors);
            p.json_uint("window_errors", s.tx_window_errors);
            p.json_uint("heartbeat_errors", s.tx_heartbeat_errors);
            if let Some(cc) = carrier_changes {
                p.json_uint("carrier_changes", cc.into());
            }
        }
        p.close_object();
        p.close_object();
        return;
    }
    let human = o.human;
    let mut cols: [usize; 8] = [10, 7, 6, 7, 7, 7, 10, 9];
    size(
        &mut cols,
        [
            s.rx_bytes,
            s.rx_packets,
            s.rx_errors,
            s.rx_dropped,
            s.rx_missed_errors,
            s.multicast,
            s.rx_compressed,
            0,
        ],
        human,
    );
    if o.stats > 1 {
        size(
            &mut cols,
            [
                0,
                s.rx_length_errors,
                s.rx_crc_errors,
                s.rx_frame_errors,
                s.rx_fifo_errors,
                s.rx_over_errors,
                s.rx_nohandler,
                s.rx_otherhost_dropped,
            ],
            human,
        );
    }
    size(
        &mut cols,
        [
            s.tx_bytes,
            s.tx_packets,
            s.tx_errors,
            s.tx_dropped,
            s.tx_carrier_errors,
            s.collisions,
            s.tx_compressed,
            0,
        ],
        human,
    );
    if o.stats > 1 {
        let cc = carrier_changes.map(u64::from).unwrap_or(0);
        size(
            &mut cols,
            [
                0,
                0,
                s.tx_aborted_errors,
                s.tx_fifo_errors,
                s.tx_window_errors,
                s.tx_heartbeat_errors,
                cc,
                0,
            ],
            human,
        );
    }
    let sl = p.sl();
    let c = cols;
    let comp = |v: u64| if v != 0 { "compressed" } else { "" };
    header(
        p,
        "    RX:",
        &[
            (" ", c[0] - 4, "bytes"),
            (" ", c[1], "packets"),
            (" ", c[2], "errors"),
            (" ", c[3], "dropped"),
            (" ", c[4], "missed"),
            (" ", c[5], "mcast"),
            (" ", c[6], comp(s.rx_compressed)),
        ],
        sl,
    );
    p.text_str("    ");
    values(
        p,
        &[
            (c[0], s.rx_bytes),
            (c[1], s.rx_packets),
            (c[2], s.rx_errors),
            (c[3], s.rx_dropped),
            (c[4], s.rx_missed_errors),
            (c[5], s.multicast),
        ],
        o,
    );
    if s.rx_compressed != 0 {
        num(p, c[6], s.rx_compressed, o);
    }
    if o.stats > 1 {
        p.text_str(sl);
        let nh = s.rx_nohandler != 0;
        let oh = s.rx_otherhost_dropped != 0;
        header(
            p,
            "    RX errors:",
            &[
                ("", c[0] - 10, ""),
                (" ", c[1], "length"),
                (" ", c[2], "crc"),
                (" ", c[3], "frame"),
                (" ", c[4], "fifo"),
                (" ", c[5], "overrun"),
                (
                    "",
                    if nh { c[6] + 1 } else { 0 },
                    if nh { " nohandler" } else { "" },
                ),
                (
                    "",
                    if oh { c[7] + 1 } else { 0 },
                    if oh { " otherhost" } else { "" },
                ),
            ],
            sl,
        );
        p.text(format_args!("{:w$}", "", w = c[0] + 5));
        values(
            p,
            &[
                (c[1], s.rx_length_errors),
                (c[2], s.rx_crc_errors),
                (c[3], s.rx_frame_errors),
                (c[4], s.rx_fifo_errors),
                (c[5], s.rx_over_errors),
            ],
            o,
        );
        if nh {
            num(p, c[6], s.rx_nohandler, o);
        }
        if oh {
            num(p, c[7], s.rx_otherhost_dropped, o);
        }
    }
    p.text_str(sl);
    header(
        p,
        "    TX:",
        &[
            (" ", c[0] - 4, "bytes"),
            (" ", c[1], "packets"),
            (" ", c[2], "errors"),
            (" ", c[3], "dropped"),
            (" ", c[4], "carrier"),
            (" ", c[5], "collsns"),
            (" ", c[6], comp(s.tx_compressed)),
        ],
        sl,
    );
    p.text_str("    ");
    values(
        p,
        &[
            (c[0], s.tx_bytes),
            (c[1], s.tx_packets),
            (c[2], s.tx_errors),
            (c[3], s.tx_dropped),
            (c[4], s.tx_carrier_errors),
            (c[5], s.collisions),
        ],
        o,
    );
    if s.tx_compressed != 0 {
        num(p, c[6], s.tx_compressed, o);
    }
    if o.stats > 1 {
        p.text_str(sl);
        let transns = if carrier_changes.is_some() {
            "transns"
        } else {
            ""
        };
        header(
            p,
            "    TX errors:",
            &[
                ("", c[0] - 10, ""),
                (" ", c[1], "aborted"),
                (" ", c[2], "fifo"),
                (" ", c[3], "window"),
                (" ", c[4], "heartbt"),
                (" ", c[5], transns),
            ],
            sl,
        );
        p.text(format_args!("{:w$}", "", w = c[0] + 5));
        values(
            p,
            &[
                (c[1], s.tx_aborted_errors),
                (c[2], s.tx_fifo_errors),
                (c[3], s.tx_window_errors),
                (c[4], s.tx_heartbeat_errors),
            ],
            o,
        );
        if let Some(cc) = carrier_changes {
            num(p, c[5], cc.into(), o);
        }
    }
}

/// A heading row: the lead, then each cell's separator and right-aligned name, then `_SL_`.
fn header(p: &mut Printer, lead: &str, cells: &[(&str, usize, &str)], sl: &str) {
    p.text_str(lead);
    for (sep, w, name) in cells {
        p.text(format_args!("{sep}{name:>w$}"));
    }
    p.text_str(sl);
}

/// A row of numbers, each right-aligned in its column and followed by a space.
fn values(p: &mut Printer, cells: &[(usize, u64)], o: LinkOpts) {
    for (w, v) in cells {
        num(p, *w, *v, o);
    }
}
