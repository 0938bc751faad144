//! Comparisons on the built-in 2016 dataset, each checked by hand against the
//! Arabic article (data/source/article.ar.txt), whose words are quoted beside
//! every assertion.

use campaign_explainer::compare::{self, CompareError};
use campaign_explainer::data::{Dataset, Timing};

mod common;
use common::built_in;

fn party(dataset: &Dataset, id: &str) -> usize {
    compare::party_index(dataset, id).unwrap().position()
}

fn tactic(dataset: &Dataset, id: &str) -> usize {
    dataset.tactic_index(id).unwrap_or_else(|| panic!("the built-in dataset has no tactic {id:?}"))
}

fn party_ids(dataset: &Dataset, positions: &[usize]) -> Vec<String> {
    positions.iter().map(|&position| dataset.parties()[position].id.clone()).collect()
}

/// The position of the fact about this party and tactic, which must exist.
fn fact(dataset: &Dataset, party_id: &str, tactic_id: &str) -> usize {
    dataset
        .fact_index(party(dataset, party_id), tactic(dataset, tactic_id))
        .unwrap_or_else(|| panic!("no fact for {party_id} and {tactic_id}"))
}

#[test]
fn the_built_in_dataset_has_the_five_parties_of_the_article() {
    let dataset = built_in();
    let ids: Vec<&str> = dataset.parties().iter().map(|party| party.id.as_str()).collect();
    for id in ["pjd", "pam", "istiqlal", "usfp", "pps"] {
        assert!(ids.contains(&id), "missing {id}: {ids:?}");
    }
    assert_eq!(ids.len(), 5);
}

#[test]
fn pjd_and_pam_share_a_web_tv_channel() {
    let dataset = built_in();
    let duel = compare::head_to_head_by_id(&dataset, "pjd", "pam").unwrap();
    // « أما أهم ما تم طرحه قناة "بيجيدي تيفي" » and « بفضل قناته الخاصة "بام تيفي" ».
    assert!(duel.shared.contains(&tactic(&dataset, "web-tv")));
}

#[test]
fn pjd_and_pam_both_made_videos_in_arabic_and_amazigh() {
    let dataset = built_in();
    let duel = compare::head_to_head_by_id(&dataset, "pjd", "pam").unwrap();
    // PJD: « مقاطع فيديو قصيرة باللغتين العربية والأمازيغية »;
    // PAM: « تم طرح 4 فيديوهات لالتزامين اثنين باللغتين العربية والأمازيغية ».
    assert!(duel.shared.contains(&tactic(&dataset, "arabic-amazigh")));
    assert!(duel.shared.contains(&tactic(&dataset, "candidate-videos")));
    // PJD: « بدأ أولا بنشر جميع قوائمه على صفحته الرسمية على الفيسبوك »;
    // PAM: « قد نشرت لائحتهم الكاملة دون صور لهم ».
    assert!(duel.shared.contains(&tactic(&dataset, "candidate-list-published")));
}

#[test]
fn pjd_streamed_its_launch_rally_live_and_pam_had_not_yet() {
    let dataset = built_in();
    let live = tactic(&dataset, "live-rally-speech");
    let duel = compare::head_to_head_by_id(&dataset, "pjd", "pam").unwrap();
    // PJD: « كانت بالقيام بالبث المباشر للمهرجان الخطابي للحزب للإعلان على انطلاق الحملة »;
    // PAM: « فيما لازال الحزب لم يستعمل بعد تقنية البث المباشر في حدث خطابي كبير ».
    assert!(duel.only_party.contains(&live));
    // That sentence about PAM is the article's only statement that a party did
    // NOT do something, so it is the only stated contrast between the two.
    assert_eq!(duel.contrasts, vec![live]);
    // Seen from PAM's side, the contrast is the same.
    let reverse = compare::head_to_head_by_id(&dataset, "pam", "pjd").unwrap();
    assert_eq!(reverse.contrasts, vec![live]);
    assert!(reverse.only_versus.contains(&live));
}

#[test]
fn pjd_and_pam_are_alike_but_not_identical() {
    let dataset = built_in();
    let duel = compare::head_to_head_by_id(&dataset, "pjd", "pam").unwrap();
    // Shared tactics exist (web TV above) and so do differences (the live rally),
    // so the Jaccard index lies strictly between 0 and 1.
    let union = duel.shared.len() + duel.only_party.len() + duel.only_versus.len();
    assert!((duel.similarity - duel.shared.len() as f64 / union as f64).abs() < 1e-12);
    assert!(duel.similarity > 0.0 && duel.similarity < 1.0, "{}", duel.similarity);
    // Only PJD promoted a government record: « كان قد بدأ منذ أسابيع في تسويق حصيلته الحكومية ».
    assert!(duel.only_party.contains(&tactic(&dataset, "government-record")));
    // Only PAM put out pledge videos: « يقدمون التزامات للحزب ».
    assert!(duel.only_versus.contains(&tactic(&dataset, "commitment-videos")));
}

#[test]
fn pjd_promoted_its_government_record_before_the_official_start() {
    let dataset = built_in();
    let timeline = compare::timeline(&dataset);
    // « كان قد بدأ منذ أسابيع في تسويق حصيلته الحكومية عن طريق صفحاته على مواقع التواصل الاجتماعي »:
    // weeks earlier than the campaign's « الانطلاقة الرسمية ... يوم 24 شتنبر ».
    let record = fact(&dataset, "pjd", "government-record");
    assert!(timeline.before_start.contains(&record));
    assert_eq!(dataset.facts()[record].when, Some(Timing::BeforeStart));
}

#[test]
fn pjd_posted_its_lists_after_the_official_start() {
    let dataset = built_in();
    let timeline = compare::timeline(&dataset);
    // « وبعد الانطلاقة الرسمية للحملات الانتخابية يوم 24 شتنبر الحالي، بدأ أولا بنشر جميع قوائمه ».
    assert!(timeline.after_start.contains(&fact(&dataset, "pjd", "candidate-list-published")));
    // « بداية الحملة الانتخابية عبر صفحات "البيجيدي" كانت بالقيام بالبث المباشر ».
    assert!(timeline.after_start.contains(&fact(&dataset, "pjd", "live-rally-speech")));
}

#[test]
fn usfp_launched_its_hashtag_before_the_campaign_start() {
    let dataset = built_in();
    let timeline = compare::timeline(&dataset);
    // « بدا قويا في دخوله "الإلكتروني" حتى ما قبل انطلاق الحملة ... عبر تدشينه لهاشتاك ».
    assert!(timeline.before_start.contains(&fact(&dataset, "usfp", "campaign-hashtag")));
    let usfp = party(&dataset, "usfp");
    let counts = timeline.per_party.iter().find(|counts| counts.party == usfp).unwrap();
    assert!(counts.before_start >= 1);
}

#[test]
fn what_pam_had_not_done_has_no_place_in_the_timeline() {
    let dataset = built_in();
    let timeline = compare::timeline(&dataset);
    // « لم يستعمل بعد تقنية البث المباشر »: a thing not done has no start.
    let not_done = fact(&dataset, "pam", "live-rally-speech");
    assert!(!timeline.before_start.contains(&not_done));
    assert!(!timeline.after_start.contains(&not_done));
    assert!(!timeline.unspecified.contains(&not_done));
}

#[test]
fn istiqlal_alone_has_a_web_radio() {
    let dataset = built_in();
    let radio = tactic(&dataset, "web-radio");
    // « حزب الاستقلال دشن أيضا إذاعة إلكترونية تحت اسم "راديو الاستقلال" »; no other
    // party's radio is mentioned.
    let istiqlal = compare::profile_by_id(&dataset, "istiqlal").unwrap();
    assert!(istiqlal.used.contains(&radio));
    let camps = compare::camps(&dataset);
    let by_camp = camps.tactics.iter().find(|entry| entry.tactic == radio).unwrap();
    assert_eq!(party_ids(&dataset, &by_camp.opposition_parties), ["istiqlal"]);
    assert!(by_camp.majority_parties.is_empty());
}

#[test]
fn istiqlal_candidates_answer_questions_on_facebook_live() {
    let dataset = built_in();
    // « كقيام مرشحيه بالتواصل عبر البث المباشر لفيسبوك من أجل الإجابة عن أسئلة المواطنين ».
    let istiqlal = compare::profile_by_id(&dataset, "istiqlal").unwrap();
    assert!(istiqlal.used.contains(&tactic(&dataset, "facebook-live-qa")));
    // And the hashtag: « بإطلاق هاتشاك "#تعاقد من أجل الكرامة" وهو شعار الحملة ».
    assert!(istiqlal.used.contains(&tactic(&dataset, "campaign-hashtag")));
}

#[test]
fn the_article_attributes_nothing_specific_to_the_pps() {
    let dataset = built_in();
    // The PPS appears once, as PJD's ally: « مثل حزب العدالة والتنمية متزعم الأغلبية
    // الحكومية وحليفه التقدم والاشتراكية »; nothing it did is described.
    let pps = compare::profile_by_id(&dataset, "pps").unwrap();
    // And the two sentences said of every party: « جميع الأحزاب السياسية المغربية تولي أهمية لهذا
    // النوع من التواصل » and « كل حزب استقطب فرقا تتقن كيفية النقر على أزرار الحواسيب ».
    assert_eq!(pps.used, vec![tactic(&dataset, "social-media-presence"), tactic(&dataset, "digital-teams")]);
    assert!(pps.not_used.is_empty(), "silence is not a refusal");
    assert_eq!(pps.used.len() + pps.not_used.len() + pps.not_reported.len(), dataset.tactics().len());
}

#[test]
fn every_party_is_on_social_media() {
    let dataset = built_in();
    // « لم يترك أي حزب، صغيرا كان أم كبيرا، صفحات مواقع التواصل الاجتماعي ».
    let presence = tactic(&dataset, "social-media-presence");
    let camps = compare::camps(&dataset);
    let entry = camps.tactics.iter().find(|entry| entry.tactic == presence).unwrap();
    assert_eq!(entry.majority_parties.len() + entry.opposition_parties.len(), dataset.parties().len());
}

#[test]
fn the_camps_follow_the_article() {
    let dataset = built_in();
    let camps = compare::camps(&dataset);
    // « حزب العدالة والتنمية متزعم الأغلبية الحكومية وحليفه التقدم والاشتراكية، أو في معسكر
    // المعارضة، حيث عرفت صفحات الأصالة والمعاصرة ». Istiqlal and the USFP are placed in the
    // opposition from outside the article, as their camp notes say.
    assert_eq!(camps.majority_party_count, 2);
    assert_eq!(camps.opposition_party_count, 3);
    let live = tactic(&dataset, "live-rally-speech");
    let entry = camps.tactics.iter().find(|entry| entry.tactic == live).unwrap();
    // PJD streamed its rally; PAM « لم يستعمل بعد تقنية البث المباشر في حدث خطابي كبير ».
    assert_eq!(party_ids(&dataset, &entry.majority_parties), ["pjd"]);
    assert_eq!(party_ids(&dataset, &entry.opposition_not_used), ["pam"]);
    assert!(camps.majority_coverage > 0.0 && camps.majority_coverage <= 1.0);
    assert!(camps.opposition_coverage > 0.0 && camps.opposition_coverage <= 1.0);
}

#[test]
fn the_ranking_follows_how_much_the_article_describes() {
    let dataset = built_in();
    let ranked = compare::ranking(&dataset);
    let order: Vec<String> = party_ids(&dataset, &ranked.iter().map(|ranked| ranked.party).collect::<Vec<_>>());
    // The article gives PJD the longest account (record, lists, photos, live rally,
    // videos, PJD TV and its shows), then PAM (PAM TV, activities, El Omari's
    // tours, pledge videos), then Istiqlal (hashtag, coverage, radio, Facebook
    // live), then the USFP (one hashtag), and the PPS only a mention.
    assert_eq!(order, ["pjd", "pam", "istiqlal", "usfp", "pps"]);
    assert!(ranked.windows(2).all(|pair| pair[0].used_count >= pair[1].used_count));
}

#[test]
fn a_party_the_article_does_not_cover_is_an_error() {
    let dataset = built_in();
    // The RNI is not in the article, so the dataset has no such party.
    assert_eq!(compare::profile_by_id(&dataset, "rni"), Err(CompareError::UnknownParty("rni".to_owned())));
    assert!(compare::head_to_head_by_id(&dataset, "pjd", "rni").is_err());
}

#[test]
fn every_party_recruited_online_teams_as_the_article_says_of_each() {
    let dataset = built_in();
    // « كل حزب استقطب فرقا تتقن كيفية النقر على أزرار الحواسيب، من أجل رسم صورة مقنعة »: said of
    // every party, so recorded for each, with a note that says it is a general statement.
    let teams = tactic(&dataset, "digital-teams");
    for party_id in ["pjd", "pam", "istiqlal", "usfp", "pps"] {
        let position = fact(&dataset, party_id, "digital-teams");
        let record = &dataset.facts()[position];
        assert_eq!(dataset.status(party(&dataset, party_id), teams), Some(campaign_explainer::data::Status::Used));
        assert!(record.note.as_ref().is_some_and(|note| note.en.contains("general statement")), "{party_id}");
    }
}

#[test]
fn istiqlal_covers_its_candidates_live_and_chabat_appears_in_clips() {
    let dataset = built_in();
    // « "الميزان" يقوم أيضا بتغطية مباشرة لجميع أنشطة مرشحيه »: read as live coverage, so the live
    // broadcasting category has it, and the activities coverage cell says so in its note.
    let istiqlal = compare::profile_by_id(&dataset, "istiqlal").unwrap();
    assert!(istiqlal.used.contains(&tactic(&dataset, "live-coverage")));
    assert!(istiqlal.used.contains(&tactic(&dataset, "activities-coverage")));
    let note = dataset.facts()[fact(&dataset, "istiqlal", "activities-coverage")].note.clone().unwrap();
    assert!(note.en.contains("live coverage") && note.fr.contains("en direct") && note.ar.contains("الحية"));
    // « وعلى رأسهم الأمين العام للحزب حميد شباط، والذي ظهر في أكثر من مقطع ».
    assert!(istiqlal.used.contains(&tactic(&dataset, "candidate-videos")));
    // PAM's « بالصوت والصورة » is not said to be live: its live coverage cell stays blank.
    assert_eq!(dataset.status(party(&dataset, "pam"), tactic(&dataset, "live-coverage")), None);
}

#[test]
fn pam_had_not_yet_streamed_a_major_speech_when_the_article_was_written() {
    let dataset = built_in();
    // « فيما لازال الحزب لم يستعمل بعد تقنية البث المباشر في حدث خطابي كبير »: not yet.
    let status = dataset.status(party(&dataset, "pam"), tactic(&dataset, "live-rally-speech"));
    assert_eq!(status, Some(campaign_explainer::data::Status::NotYetUsed));
    // Counted with the refusals all the same.
    let pam = compare::profile_by_id(&dataset, "pam").unwrap();
    assert!(pam.not_used.contains(&tactic(&dataset, "live-rally-speech")));
}

#[test]
fn the_camps_view_names_the_majority_parties_the_article_leaves_out() {
    let dataset = built_in();
    // The Benkirane government of September 2016 also had the RNI and the MP, which the article
    // never mentions: listed as such, so that two majority parties are not read as the whole camp.
    let names: Vec<&str> = dataset.raw().unmentioned_parties.iter().map(|party| party.label(campaign_explainer::data::Lang::Fr)).collect();
    assert_eq!(names, ["RNI", "MP"]);
    assert!(dataset.raw().unmentioned_parties.iter().all(|party| party.camp == campaign_explainer::data::Camp::Majority));
}
