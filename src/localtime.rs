//! Times as a person reads them: in the machine's own time zone, with the
//! zone named (`2026-12-08 05:54 JST`), and, in a command printed for the
//! user to run, with the offset (`2026-11-30T00:00+09:00`) so that the same
//! command means the same instant on any machine. Files read by programs
//! (JSON, SARIF, JUnit) keep RFC 3339 UTC and do not come here.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The zone a person at this machine reads times in: `TZ`, else the
/// system's setting, else UTC (jiff's order).
pub fn reader_zone() -> TimeZone {
    TimeZone::system()
}

/// `2026-12-08 05:54 JST`: minutes are what a person compares.
pub fn for_reader(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    format!("{} {}", z.strftime("%Y-%m-%d %H:%M"), zone_label(&z))
}

/// `2026-12-08 05:54:07 JST`, where seconds matter (a withdrawal, a login).
pub fn for_reader_seconds(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    format!("{} {}", z.strftime("%Y-%m-%d %H:%M:%S"), zone_label(&z))
}

/// `2026-11-30T00:00+09:00`: an argument for `--since`/`--until` that the
/// tool parses back to the same instant.
pub fn for_command(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    let offset = z.strftime("%:z").to_string();
    let offset = if offset == "+00:00" {
        "Z".to_string()
    } else {
        offset
    };
    format!("{}{offset}", z.strftime("%Y-%m-%dT%H:%M"))
}

/// A Binance time (milliseconds since 1970, UTC) as a timestamp; `None`
/// for a value no clock can show.
pub fn from_millis(ms: i64) -> Option<Timestamp> {
    Timestamp::from_millisecond(ms).ok()
}

/// A chrono instant (what the collectors and the incident log hold) as a
/// timestamp for the functions above.
pub fn from_chrono(t: chrono::DateTime<chrono::Utc>) -> Timestamp {
    Timestamp::new(t.timestamp(), t.timestamp_subsec_nanos() as i32)
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// An RFC 3339 instant (`2026-12-07T20:54:42Z`, as the report holds it) in
/// the reader's zone; text that is not one is shown as it is.
pub fn rfc3339_for_reader(s: &str, tz: &TimeZone) -> String {
    match s.parse::<Timestamp>() {
        Ok(ts) => for_reader(ts, tz),
        Err(_) => s.to_string(),
    }
}

/// `line` with every RFC 3339 UTC instant in it (`2026-12-07T20:54:42Z`)
/// said in the reader's zone. Evidence lines and change records carry UTC
/// so that JSON and SARIF stay UTC; the text and Markdown views read them
/// through this.
pub fn localize(line: &str, tz: &TimeZone) -> String {
    const LEN: usize = "2026-12-07T20:54:42Z".len();
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut copied = 0;
    while i + LEN <= b.len() {
        let cand = &b[i..i + LEN];
        let shape = cand.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if shape && boundary {
            // The candidate is ASCII, so the slice is on char boundaries.
            if let Ok(ts) = line[i..i + LEN].parse::<Timestamp>() {
                out.push_str(&line[copied..i]);
                out.push_str(&for_reader(ts, tz));
                i += LEN;
                copied = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&line[copied..]);
    out
}

/// `--since` for a command printed for the user: local midnight `days`
/// before today, with the offset.
pub fn since_days_ago(days: i64, now: Timestamp, tz: &TimeZone) -> String {
    let today = now.to_zoned_datetime(tz.clone()).date();
    let day = today
        .checked_sub(jiff::Span::new().days(days))
        .unwrap_or(today);
    match day.to_zoned_datetime(tz.clone()) {
        Ok(z) => for_command(z.timestamp(), tz),
        Err(_) => for_command(now, tz),
    }
}

/// The zone's abbreviation where it has a lettered one (JST, CET, UTC),
/// else the offset (`UTC+05:45`): tzdata spells some zones "+0545", which
/// reads as a number, not a zone.
fn zone_label(z: &jiff::ZonedDateTime) -> String {
    let abbr = z.strftime("%Z").to_string();
    if abbr.chars().all(|c| c.is_ascii_alphabetic()) && !abbr.is_empty() {
        abbr
    } else {
        format!("UTC{}", z.strftime("%:z"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    #[test]
    fn tokyo_reads_japan_time_with_its_zone() {
        let ts: Timestamp = "2026-12-07T20:54:42Z".parse().unwrap();
        assert_eq!(for_reader(ts, &tz("Asia/Tokyo")), "2026-12-08 05:54 JST");
        assert_eq!(
            for_reader_seconds(ts, &tz("Asia/Tokyo")),
            "2026-12-08 05:54:42 JST"
        );
        assert_eq!(for_reader(ts, &TimeZone::UTC), "2026-12-07 20:54 UTC");
    }

    #[test]
    fn commands_carry_the_offset_and_parse_back_to_the_same_instant() {
        let ts: Timestamp = "2026-11-29T15:00:00Z".parse().unwrap();
        let arg = for_command(ts, &tz("Asia/Tokyo"));
        assert_eq!(arg, "2026-11-30T00:00+09:00");
        // The tool's own --since parser adds the seconds the same way.
        let back: Timestamp = arg.replacen("+09:00", ":00+09:00", 1).parse().unwrap();
        assert_eq!(back, ts);
        assert_eq!(for_command(ts, &TimeZone::UTC), "2026-11-29T15:00Z");
    }

    #[test]
    fn zones_without_a_lettered_name_show_their_offset() {
        let ts: Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        // Asia/Kathmandu is "+0545" in tzdata.
        assert_eq!(
            for_reader(ts, &tz("Asia/Kathmandu")),
            "2026-06-01 05:45 UTC+05:45"
        );
    }

    #[test]
    fn binance_millis_outside_any_calendar_are_refused() {
        assert!(from_millis(1_764_000_000_000).is_some());
        assert!(from_millis(i64::MAX).is_none());
    }

    #[test]
    fn utc_instants_inside_a_line_are_said_in_the_reader_zone() {
        let line =
            "drift.key_replaced: api.create_time: 2025-11-01T00:00:00Z → 2025-11-24T16:00:00Z";
        assert_eq!(
            localize(line, &tz("Asia/Tokyo")),
            "drift.key_replaced: api.create_time: 2025-11-01 09:00 JST → 2025-11-25 01:00 JST"
        );
        // Not an instant, or glued to other text: left alone.
        let other = "x2025-11-01T00:00:00Z and 2025-13-01T00:00:00Z — ok";
        assert_eq!(localize(other, &tz("Asia/Tokyo")), other);
        assert_eq!(
            rfc3339_for_reader("2026-12-07T20:54:42Z", &tz("Asia/Tokyo")),
            "2026-12-08 05:54 JST"
        );
    }

    #[test]
    fn a_suggested_since_is_local_midnight_with_the_offset() {
        // 05:54 on the 8th in Tokyo is still the 7th in UTC.
        let now: Timestamp = "2026-12-07T20:54:42Z".parse().unwrap();
        assert_eq!(
            since_days_ago(7, now, &tz("Asia/Tokyo")),
            "2026-12-01T00:00+09:00"
        );
        assert_eq!(since_days_ago(7, now, &TimeZone::UTC), "2026-11-30T00:00Z");
    }
}
