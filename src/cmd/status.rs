//! `binance-audit status`: is it Binance or is it me?

use super::error::{Result, usage};
use super::exit::Exit;
use super::{output, session};
use crate::account::{self, Selector};
use crate::cli::{GlobalArgs, StatusArgs};
use crate::collect::CheckState;
use crate::report::Format;
use crate::status;
use crate::t;

pub fn run(global: &GlobalArgs, args: &StatusArgs) -> Result<Exit> {
    let ctx = session::context(global)?;
    for w in &ctx.warnings {
        super::warn(w);
    }
    let sel = Selector::one(args.api_url.as_deref(), args.profile.as_deref())
        .with_region(args.region.as_deref());
    if let Some(note) = account::selected_note(&ctx.config, &sel) {
        super::warn(&note.render(ctx.lang));
    }
    let (client, unusable_key) = account::client(&ctx.config, &ctx.net, &sel)
        .map_err(|e| usage(e.msg().render(ctx.lang)))?;
    let report = {
        let _status = super::progress::Status::start(&t!(ctx.lang, "status-checking"));
        session::runtime()?.block_on(status::check(
            &ctx.net,
            &client,
            unusable_key.as_deref(),
            &args.coin,
        ))
    };
    let out = crate::report::format::render(
        &output::Status {
            report: &report,
            lang: ctx.lang,
        },
        args.format.unwrap_or(Format::Text),
        &session::render_options(global),
    );
    output::stdout(out.as_bytes())?;
    let failed = report.states().contains(&CheckState::Failed);
    Ok(if failed { Exit::Incomplete } else { Exit::Ok })
}
