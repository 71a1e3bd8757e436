//! More of the built-in pack's judgement on single agent replies (see `pack_judgement.rs`): the
//! language families a fourth blind probe (240 hand-written replies, now a tuning set) found
//! missing, each with near wordings that must stay clear.

use crate::pack_judgement::judged;

#[test]
fn refused_services_routes_by_kind_of_problem_and_other_parties_decisions_are_flagged() {
    // Deflection recall on the probe was 0.63: refusals of a service or a payment, requests that
    // must go through someone else, and decisions placed with a party the lexicons did not name.
    let deflections = [
        // a service or a payment declined by "we", or by a rule
        "Sorry, we aren't able to reimburse taxi fares.",
        "We're unable to offer a payment break on this plan.",
        "We can't reroute parcels once they've left the depot.",
        "We don't pay compensation for spoiled shopping.",
        "Same-day delivery isn't something we offer on bulky items.",
        "We only offer phone support to business customers.",
        "Roof leaks aren't covered under your home plan.",
        "Delays caused by strikes fall outside our refund policy.",
        "Late returns can't be accepted after 60 days.",
        "Sale items are final sale.",
        "Unfortunately no exceptions can be made.",
        // declined on this channel
        "Table bookings can't be amended on Twitter, please ring the restaurant.",
        "We can't look up orders on here, please use the app.",
        "We're not able to advise on medication over social media.",
        // another party decides, carries it out, or settles it with the customer
        "That's up to the cinema, we don't set the seat prices.",
        "Entry requirements are set by the host country, so check with the consulate.",
        "Parking fines are issued by the landowner's contractors, not by us.",
        "Disputes about fares go to the independent ombudsman, not to us.",
        "Any damage is settled between you and the courier directly.",
        "Our couriers are self-employed, so we can't comment.",
        "Drainage inside your garden is the householder's own responsibility.",
        // a route the request must take
        "Your phone contract is with the shop you bought it from, so an upgrade has to be arranged through them.",
        "Any claim for the scratch on your bike needs to go through your insurer.",
        "u need to call the store u ordered from about that",
        "Gift card top ups can only be arranged by phoning our cards team.",
        "Warranty appeals need to be submitted via the portal.",
        "Billing issues go through our accounts team, email them at the address on your bill.",
        "Cancellations must be requested from the booking site you used.",
        "Best to tweet them about it.",
        "Please call 202 from your handset.",
        "You'd need a qualified builder for the wall.",
        "We don't offer repairs on older models, try a local repair shop.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let answers = [
        "That isn't something we offer at the moment.",
        "We can't see any fault here.",
        "I can't see anything wrong here, could you restart the app?",
        "We can't guarantee it arrives tomorrow, but it's on the van.",
        "We don't offer refunds on opened software, but we can swap it for you today.",
        "It's up to you whether you keep the old plan.",
        "Payment can only be made by card.",
        "Returns are accepted within 30 days, just bring the receipt.",
        "Your question goes straight to our team and I'll update you tomorrow.",
        "Issues with login go away after the update.",
        "You'd need a bit more memory for that game.",
        "You can try a local store for stock too.",
        "Thanks for the tweet about the venue!",
        "Sort by date to see the newest first.",
    ];
    judged(&answers, "ownership:forbid", false);
}
