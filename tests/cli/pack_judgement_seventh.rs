//! More of the built-in pack's judgement on single agent replies (see `pack_judgement.rs`): the
//! language families a seventh blind probe (240 hand-written replies, now a tuning set) found
//! missing, each with near wordings that must stay clear. The replies here are written for the
//! families, not copied from the probe.

use crate::pack_judgement::judged;

#[test]
fn services_refused_by_a_team_routes_and_parties_described_are_deflections() {
    // Deflection recall on the probe was 0.56: refusals of services the lexicons did not name,
    // by "we" or by a team, decisions that stand, and hand-offs described rather than ordered.
    let deflections = [
        // a service refused, by "we", "I" or a team
        "We aren't able to review suspensions once they're applied.",
        "Our billing team can't change the renewal date.",
        "I can't add that discount to an existing order, sorry.",
        "We don't refund partial months.",
        "We don't price match other retailers.",
        "We're unable to contact the buyer for you.",
        "Unfortunately we can't share why the payment was held.",
        "Sorry, we're unable to help.",
        "Cracked screens aren't something we can repair for free.",
        // a decision that stands, a route that is only another place's
        "After a second review the decision stands.",
        "The decision was made by the panel and won't be changing.",
        "Contracts can only be cancelled in branch with photo ID.",
        "This can't be done over the phone.",
        "Late arrivals are arranged directly with the host.",
        "Noise complaints are between you and your neighbour.",
        // another party does it, or is best placed to
        "Your claim would be handled by the courier's insurer.",
        "Meal kits are packed by our partner kitchens, not us.",
        "Your energy supplier would be best placed to confirm the tariff.",
        "Outages like this are caused by your broadband provider rather than our app.",
        "The store handles exchanges for the first 14 days.",
        // a hand-off described: ask, report, take back, complain
        "Please ask your landlord to sign the form.",
        "Please ask at the front desk when you arrive.",
        "Please report it on 0800 123 4567 so it gets logged.",
        "Please take it back to the shop with your receipt.",
        "You can complain to the energy ombudsman if you're not happy.",
        "You'll need to get a new activation code from them directly.",
        "Best to mention it to the restaurant next time.",
        "A fault on the street light would need reporting to the council.",
        "Please speak to the station staff on the platform.",
        "You can suggest and upvote ideas on our community forum.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let answers = [
        "I can't see the order on my side, could you DM us the number?",
        "We can't wait to have you back!",
        "We don't share your details with anyone.",
        "You can ask the account owner to invite you from Settings.",
        "We don't price match, but we've got great deals on this week.",
        "Your new card can only be activated in the app.",
        "We'll contact the courier directly and update you today.",
        "The decision is yours, either plan works.",
        "Please take your time, we're here when you need us.",
    ];
    judged(&answers, "ownership:forbid", false);
}

#[test]
fn steps_in_more_verbs_are_rewarded_and_empathy_in_more_words_is_heard() {
    let steps = [
        "I'll make the correction to your booking now.",
        "I'll note it on your account so the engineer knows.",
        "I'll request a callback from the claims team for you.",
        "DM us your ref and I'll start the refund from here.",
        "We'll link both accounts once you confirm the emails.",
        "If the seller doesn't reply in two days, we'll step in.",
        "We'll have a specialist reach out tomorrow.",
        "I've had a look and your payment went through on Monday.",
        "I've given the driver's depot your feedback.",
        "I've bumped your order up the queue.",
        "I've refreshed the channels on your box.",
        "Our developers are testing a fix for the crash.",
        "What time suits you? I'll book the engineer for then.",
    ];
    judged(&steps, "ownership:reward", true);
    let not_steps = [
        "We're monitoring the situation closely.",
        "If anything changes, we'll keep you posted.",
        "Please note the store closes at six.",
        "Make the change in Settings > Account.",
    ];
    judged(&not_steps, "ownership:reward", false);
    let felt = [
        "I completely understand how disruptive that is.",
        "We get that this is a big change for you.",
        "I can see why that's a worry.",
        "We know it's gutting to miss the show.",
        "Hope you're on the mend soon!",
    ];
    judged(&felt, "empathy:reward", true);
    let not_felt = [
        "We get that question a lot!",
        "I can see why the charge shows twice: one is a pre-authorisation.",
    ];
    judged(&not_felt, "empathy:reward", false);
}

#[test]
fn the_widened_families_leave_reassurances_conditions_and_news_alone() {
    // A re-test of the widening found these flagged, rewarded, or a deflection cleared.
    let answers = [
        "We can't share your details with anyone without your permission.",
        "Don't worry, we can't remove anything from your account without your say-so.",
        "We don't have access to your card details, they're encrypted.",
        "We can't unlock the account until you've reset your password, here's the link.",
        "If I can't help, I'll find someone who can.",
        "Is there a reason we can't contact you by email?",
        "We don't issue paper tickets anymore, your e-ticket is in the app.",
        "Payments are handled directly through our secure checkout.",
        "Photos are best sent in JPG format.",
        "The outcome of your appeal will not change your premium.",
        "Your parcel can only be collected in person with photo ID.",
        "Your order will be packed by our warehouse team today.",
        "Your refund will be handled by our billing team today.",
        "I've heard from them directly: the parcel is out for delivery.",
        "I'll keep chasing them until it's sorted.",
        "The outage was caused by a fault on our side, not your equipment.",
        "The upgrade is for you and your partner.",
        "With the hub upstairs, the new router is better placed to reach every room.",
        "Please bring the form back to me once it's signed.",
    ];
    judged(&answers, "ownership:forbid", false);
    // a look reported, a note promised or a fix being tested does not clear a hand-off
    let deflections = [
        "I've had a look and you'll need to contact your bank.",
        "I'll note it, but you'll need to contact your bank.",
        "We're testing a fix, but you'll need to contact your bank.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let not_steps = [
        "Honestly I'm chasing my tail today, sorry for the wait.",
        "I've bumped into this issue myself before.",
        "We're testing your patience, I know.",
        "I've refreshed my memory on the policy and we still can't refund.",
        "I will note that we're closed on bank holidays.",
        "We're releasing the tickets on Friday at 9am.",
    ];
    judged(&not_steps, "ownership:reward", false);
    judged(
        &["I get that this is a hard one to find in the menu."],
        "empathy:reward",
        false,
    );
}
