//! The built-in pack's judgement on single agent replies, through `check`: what it counts as a
//! deflection, a commitment and empathy, and what it leaves alone (a blind probe of new Twitter
//! replies found its word lists narrower than the label definitions).

use crate::support::{default_pack_report, write};

/// The default pack's findings on each reply (one agent turn per file), as `category:kind` of
/// each finding (`ownership:forbid`, as `eval` selects them), in the replies' order.
fn fired(replies: &[&str]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    for (i, reply) in replies.iter().enumerate() {
        write(
            dir.path(),
            &format!("{i:03}.txt"),
            &format!("Agent: {reply}\n"),
        );
    }
    let report = default_pack_report(dir.path());
    let mut out = vec![Vec::new(); replies.len()];
    for c in report["conversations"].as_array().unwrap() {
        let name = c["path"]
            .as_str()
            .unwrap()
            .rsplit(['/', '\\'])
            .next()
            .unwrap();
        let i: usize = name.trim_end_matches(".txt").parse().unwrap();
        out[i] = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{} ({})",
                    f["category"].as_str().unwrap(),
                    f["kind"].as_str().unwrap(),
                    f["rule"].as_str().unwrap()
                )
            })
            .collect();
    }
    out
}

/// Each reply's verdict for `selector` (`ownership:forbid`) is `expected`; names every reply
/// that differs, with what fired.
pub(crate) fn judged(replies: &[&str], selector: &str, expected: bool) {
    let wrong: Vec<String> = fired(replies)
        .iter()
        .zip(replies)
        .filter(|(found, _)| {
            found.iter().any(|f| f.starts_with(&format!("{selector} "))) != expected
        })
        .map(|(found, reply)| format!("{reply:?} fired {found:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{selector} should be {expected} for:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_step_the_agent_says_it_cannot_take_is_a_deflection_not_a_commitment() {
    // "we can check" inside "nothing more we can check" cleared the hand-off after it, and
    // "I can fix" inside "nothing I can fix" was rewarded as a commitment.
    let refusals = [
        "There's nothing more we can check on our end, you'll need to contact your bank.",
        "Nothing I can fix from here, sorry. You'll need to speak to the store.",
        "That isn't something we can escalate, please contact the seller directly.",
        "There's really not much more we can look into, please contact your provider.",
    ];
    judged(&refusals, "ownership:forbid", true);
    judged(&refusals[1..2], "ownership:reward", false);
    let kept = [
        "There's nothing more we can check on our end, so I've escalated it to our engineers.",
        "We can check that for you now, please send us your order number.",
        "If there's nothing else we can check for you, have a great day!",
        "There's nothing I can see wrong with your account, could you try again?",
    ];
    judged(&kept, "ownership:forbid", false);
}

#[test]
fn deflections_that_place_route_or_decline_the_request_are_flagged() {
    let deflections = [
        // responsibility placed on another party, by role or by the route the purchase took
        "Refund decisions are made by the airline, not us, so you'd need to ask them.",
        "Roaming rates are determined by the network operator abroad.",
        "Because you purchased it through a reseller, they'll need to process the return.",
        "That's the freeholder's responsibility, so they'd need to arrange the repair.",
        "Stores set their own opening hours, so please check with your local one.",
        "Pricing is outside our control.",
        // declined on this channel, then sent elsewhere
        "We can't look at account issues over Twitter, please call 0333 123 4567.",
        "Billing isn't dealt with on this channel, please ring 0345 222 3333.",
        "This account isn't staffed for technical support, please head to our help centre.",
        // routed to a literal address, or by a passive "must be"
        "Appeals must be lodged through the online form.",
        "Data requests should be addressed to our privacy office.",
        "Lost card reports can only be handled over the phone.",
        "Pls drop an email to billing@example.com",
        "Kindly lodge a complaint at our portal.",
        // only another team can, or refuses with a verb of its own
        "The warehouse team are the only people who can check that.",
        "The venue are best placed to answer that one.",
        "We're unable to intervene in disputes between buyers and sellers.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let answers = [
        "As you bought it through our website, I've started the return for you.",
        "Since you ordered it via the app, you'll get a notification when it ships.",
        "Payments can only be made by card or Apple Pay at the moment.",
        "Changes must be made at least 24 hours before departure.",
        "The charge was made by mistake and I've reversed it, sorry about that.",
        "It's our responsibility to keep your data safe, and we take that seriously.",
        "Give us a shout if anything else comes up!",
        "Our installers will contact you to book a date.",
        "We can't see any charges on that date, could you DM us a screenshot?",
        "We can't discuss accounts publicly, so please DM us your number.",
        "You can use live chat in the app too, but we're happy to help here.",
        "Their number is saved on your account, so the driver will call them on arrival.",
        "We don't price match, but we've got loads of deals on right now.",
    ];
    judged(&answers, "ownership:forbid", false);
}

#[test]
fn reported_and_promised_steps_and_felt_acknowledgements_are_rewarded() {
    let steps = [
        "I've reissued your boarding pass, check your inbox.",
        "We've rescheduled your engineer visit to Monday morning.",
        "I've personally chased the warehouse and it's going out today.",
        "Leave the box by the door and we'll get a new one sent out tomorrow.",
        "I'll walk you through the setup over DM.",
        "Your refund has been processed from our end, allow 3 days.",
        "Could you DM us your account number so we can investigate?",
        "I've followed up with the courier and they'll deliver tomorrow.",
        "We'll dig into this and come back to you by Friday.",
    ];
    judged(&steps, "ownership:reward", true);
    let not_steps = [
        "We've moved to a new office.",
        "Your account has been suspended.",
        "No way! Congrats on the new house.",
    ];
    judged(&not_steps, "ownership:reward", false);
    let felt = [
        "We totally feel your pain on this one.",
        "I completely get it, nobody likes waiting.",
        "We understand your frustration with the delays.",
        "It's so annoying when a parcel goes missing.",
    ];
    judged(&felt, "empathy:reward", true);
    let not_felt = [
        "We appreciate your concern about the change.",
        "Once we get it back from the courier we'll refund you.",
        "It's hard to say when the new season will land.",
    ];
    judged(&not_felt, "empathy:reward", false);
}

#[test]
fn refusals_by_policy_decisions_of_other_parties_and_routes_to_them_are_flagged() {
    // A third blind probe (240 hand-written replies) found these families of wording missing:
    // deflection recall 0.49.
    let deflections = [
        // a decision that belongs to someone else, or a rule that refuses
        "Seat upgrades on partner flights are a decision for the operating airline.",
        "That's really one for your bank.",
        "That's not our call to make, sorry.",
        "It's up to the venue whether bags are allowed.",
        "The timetable is set by the regional operator rather than us.",
        "Sorry, gift vouchers are non-refundable.",
        "Our terms do not permit refunds on sale items.",
        "Once the payment has left your account it can't be reversed.",
        "We do not offer refunds on opened software.",
        "Bookings made through third party sites are subject to their own cancellation policy.",
        "Drivers are independent contractors, so we can't comment on their conduct.",
        "We can only speak to the account holder about the bill.",
        "Sorry we couldn't be more help.",
        "We can't accept liability for items left in the vehicle.",
        "Unfortunately claims can not be processed over Twitter.",
        "Boiler repairs are carried out by the landlord's contractor.",
        "That isn't something we're able to action from here.",
        // routes to another party, team or channel
        "Any further complaints can be directed to our head office.",
        "Feature requests go to our ideas portal.",
        "Your best bet is to give them a ring.",
        "Kindly coordinate with the hotel directly.",
        "You have to go through the marketplace seller for that.",
        "Please speak to a solicitor about the contract.",
        "Drop your idea on our community forum and the team will see it there.",
        "Refunds for the tickets would need to come from the organiser.",
        "I'd recommend contacting Roadlink directly.",
        "Our Help Centre is the quickest way to reach the right team.",
        "For delivery queries, please use our webchat.",
        "Your son would need to call us himself.",
        "Please report the theft to the police.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let answers = [
        "Whether you upgrade now or later is up to you.",
        "You have up to the end of the month to use the credit.",
        "Your gift voucher is valid for 12 months and can be used online.",
        "The payment has been reversed and should show in 2 days.",
        "Our engineers carry out the repair, and I've booked them for Monday.",
        "We'll coordinate with the hotel and confirm the transfer by tonight.",
        "It's a great question for our developers, and I've forwarded it to them.",
        "You can go through checkout as a guest.",
        "Deleting your account cannot be undone, so please download your data first.",
        "The price you see at checkout is final, with no hidden fees.",
        "It's not something we're able to reproduce yet, could you send a screenshot?",
        "We can't process that over Twitter, but I'll call you in five minutes to do it.",
        "Refunds go to your original card within 5 days.",
        "I've reported it to our safety team and they'll call you today.",
    ];
    judged(&answers, "ownership:forbid", false);
}

#[test]
fn steps_by_more_verbs_and_teams_and_acknowledgements_of_what_went_wrong_are_rewarded() {
    let steps = [
        "Our team has blocked the account.",
        "I'll get an engineer out to you tomorrow.",
        "We'll verify the documents and reply within a day.",
        "I've reopened the ticket for you.",
        "I'll check whether the parcel was scanned.",
        "The crew are on their way.",
        "DM us and we'll have an engineer call you.",
        "I've put a stop on the card for you.",
    ];
    judged(&steps, "ownership:reward", true);
    let not_steps = [
        "That's outside what we can help with here.",
        "Our team is always on hand if you need us.",
    ];
    judged(&not_steps, "ownership:reward", false);
    let felt = [
        "That's not the service we want for you.",
        "Completely understand the frustration.",
        "I know being without heating is awful.",
        "That's not cool, we'll fix it.",
        "Hope you're feeling better soon!",
        "sry about that!",
        "That letter shouldn't have gone out.",
        "Please don't worry, your booking is safe.",
        "That's an awful thing to come home to.",
    ];
    judged(&felt, "empathy:reward", true);
    let not_felt = [
        "Hope you had a great weekend! Here's the link.",
        "Hope you're well! Your order is on its way.",
        "That should be fixed now, can you try again?",
    ];
    judged(&not_felt, "empathy:reward", false);
}
