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

#[test]
fn steps_reported_in_more_forms_are_rewarded_and_bare_assurances_before_a_hand_off_are_not() {
    let steps = [
        "I'm picking this up myself and I'll text you within the hour.",
        "We'll get the courier to try again tomorrow.",
        "I'll have a specialist take a look today.",
        "DM us your ref and I'll sort the refund from here.",
        "Our engineers have located the break in the cable.",
        "I've rerouted the parcel to your work address.",
        "We've taken the post down while we investigate.",
        "Your replacement card has been dispatched today.",
        "cancelled the second booking for you",
        "We'll collect the faulty kettle on Friday.",
        "I can see the charge and have reversed it.",
        "Send us a photo and we'll get the part sent to you.",
        "Popped a £10 credit on your account for the trouble.",
        // an assurance that goes on to help
        "We'd love to help! What's your order number?",
        "Happy to point you in the right direction! Here are the steps: example.com/steps",
    ];
    judged(&steps, "ownership:reward", true);
    let not_steps = [
        // an assurance whose turn is a hand-off or a refusal is hollow (labels README)
        "We'd be glad to help. Please contact your bank about the charge.",
        "Happy to help with that! Store card queries can only be handled by phoning 0800 111 222.",
        "Happy to point you in the right direction! For anything billing-related please call 150 from your mobile.",
        "We'd love to help! Mortgage questions can only be discussed in branch.",
        // a status, not a step
        "Your account has been suspended for unusual activity.",
        "We'll get the chance to look at it on Monday.",
    ];
    judged(&not_steps, "ownership:reward", false);
    let felt = [
        "Eek, that's not the welcome we'd hope for.",
        "That's definitely not meant to happen.",
        "Missing a flight is a horrible feeling.",
        "That's a rotten way to start the holidays.",
        "Two days without hot water sounds miserable.",
        "Completely understand why you'd want a refund.",
        "We'd be annoyed by that charge too.",
        "We know that delay stings.",
        "That must be a real headache for you.",
        "What a letdown after all that waiting!",
        "That's not the pizza we want to serve.",
    ];
    judged(&felt, "empathy:reward", true);
    let not_felt = [
        "Sounds good, see you then!",
        "It's a hard drive issue, so try a new cable.",
        "I don't see why you would want that plan.",
        "You're not supposed to unplug it during the update.",
        "We'd be happy to refund that too.",
        "That's not the one we want you to buy, it's the older model.",
    ];
    judged(&not_felt, "empathy:reward", false);
}
