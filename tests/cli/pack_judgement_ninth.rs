//! More of the built-in pack's judgement on single agent replies (see `pack_judgement.rs`): the
//! language families a ninth blind probe (240 hand-written replies in other trades: hosting,
//! payments, councils, storage, …; now a tuning set) found missing, each with near wordings
//! that must stay clear. The replies here are written for the families, not copied from it.

use crate::pack_judgement::judged;

#[test]
fn passive_refusals_responsible_parties_and_routes_by_phone_or_process_are_deflections() {
    // Deflection recall on the probe was 0.525.
    let deflections = [
        // refused in the passive, or by a policy
        "Gift vouchers can't be reissued once they've expired.",
        "Annual plans can't be split between two accounts.",
        "Refunds are not issued for unused lessons.",
        "Membership fees can't be discussed individually.",
        "Moving your data isn't something we're able to do on the free plan.",
        "This isn't something we can redo under the guarantee.",
        // a team or support refuses
        "Support isn't able to restore deleted projects.",
        "Our social team is unable to deal with complaints.",
        "We don't remove listings for being out of date.",
        "We don't give updates on individual cases here, please check the status page.",
        // another party is responsible, or decides
        "Decisions on refunds rest with the event organiser.",
        "Any correction will need to come from your employer.",
        // a route: by phone, in store, through a process, elsewhere
        "Cancellations must be made by phone during office hours.",
        "Fines can only be challenged through the appeals process.",
        "Lens queries need to be raised in store with your optician.",
        "Outages are best followed up with your network operator.",
        "Faults can be reported on their website.",
        "Please contact your account manager about credits.",
        "Please open a dispute with the seller from your orders page.",
        "You might have better luck asking your IT admin.",
        "You can upvote the request on our community forum.",
        "We can't book appointments over Twitter, please call the clinic.",
        // a first re-test's misses: refunds refused in other words, a route only one channel
        // takes, a party liable and not us
        "We don't issue refunds for unused minutes.",
        "Compensation isn't payable for delays under 15 minutes.",
        "No refunds are issued after the course starts.",
        "Billing disputes are only accepted in writing.",
        "That's better dealt with by your bank.",
        "The airline is liable for the delay, not us.",
    ];
    judged(&deflections, "ownership:forbid", true);
    let answers = [
        "We can't wait to see you at the festival!",
        "Your order is on its way, the tracking link is in your inbox.",
        "Our team is unable to reproduce it yet, so we've asked the developers to look today.",
        "Vouchers can be used online or in store.",
        "Support is available 24/7 in the app.",
        "There's no way for us to see your card number, it's encrypted.",
        // a re-test's near misses of the families above (responsibility, privacy, the same
        // chat's survey, a route no longer needed, a route that ends with a step)
        "The seller is responsible for return postage, so you won't pay anything.",
        "Your deposit sits with the letting agent in a protected scheme, so it's completely safe.",
        "Messages are between buyers and sellers only, we never read them.",
        "We don't have any visibility over your password, it's encrypted.",
        "We don't share details about your account with anyone else.",
        "Please leave your thoughts on the survey link at the end of this chat.",
        "Cancellations don't need to be made by phone any more, I can do it right here.",
        "This is best handled directly in this chat, so let's sort it now.",
        "You'll have better luck with the 5GHz network, so try connecting to that one.",
        "The refund will need to come through the original card, so it'll land on your Visa.",
        // a second re-test's: good news in the passive, a rule, a route the agent then takes
        "Good news, your plan won't be prorated, so you won't pay extra this month.",
        "Payments need to come from your own account for security.",
        "Good news, no refunds are needed, it was never charged.",
        "The courier is responsible for the damage, not you.",
        "Disputes can only be raised online, which I've just done for you.",
        "Your order can only be changed online in the first hour, so I've changed the size to M for you.",
    ];
    judged(&answers, "ownership:forbid", false);
}

#[test]
fn fixes_reported_in_an_engineer_s_words_are_rewarded_and_sympathy_in_chat_words_is_heard() {
    let steps = [
        "I've turned it back on for you, give the app a restart.",
        "I've voided the duplicate invoice.",
        "We've pushed a fix to the app stores this morning.",
        "We traced it to a bad deploy and have reverted it.",
        "I've put the replacement order through as urgent.",
        "I've got it approved, it'll clear by tomorrow.",
        "I have, though, sent your comments to the product team.",
        "We'll report it and get it taken down.",
        // a second re-test's misses: a busy agent's shorthand, a team's fix
        "Turned it back on for you now.",
        "Our devs traced the crash to last night's release and have pushed a patch.",
    ];
    judged(&steps, "ownership:reward", true);
    let not_steps = [
        "You can turn it back on in Settings.",
        "Pushed for time? Try our express service.",
        "Please report it to us via DM.",
        // bad news or someone else's act, in the same verbs
        "We've locked your account, so you'll need to call our fraud team.",
        "We've pushed your install date back two weeks.",
        "We have voided your warranty because the seal was broken.",
        "We will report this to the police as a fraudulent claim.",
        "We've pushed the update to next week, so the feature won't be live until the 14th.",
        "We've voided the tickets as they were bought through an unauthorised reseller.",
        "Turned it down for you, the offer has expired.",
        "We've taken your old number out of service, so it can't be recovered.",
    ];
    judged(&not_steps, "ownership:reward", false);
    let felt = [
        "Ah, poor thing! Hope she's back to normal soon.",
        "That must have been unnerving.",
        "We feel you, moving house is exhausting.",
        "Honestly, we feel you on that one.",
    ];
    judged(&felt, "empathy:reward", true);
    let not_felt = [
        "We feel the new design works better on mobile.",
        "We completely understand the brief and will send a quote.",
        "Just so I fully understand, the charge is from March?",
        "We feel that, given your usage, the bill is correct.",
        "Do you mean the poor thing in the photo is the old router?",
        "The signal there is poor, you'll get a better connection near a window.",
    ];
    judged(&not_felt, "empathy:reward", false);
}
