// The site's own furniture: its accessibility statement and its favicon.
// Dates come from the papers themselves, never the clock.
#include "../support/site_paths.hpp"
#include "compose.hpp"

namespace agendapack::compose {

SitePage accessibility_statement(const Context& context, const std::vector<compute::MeetingPlan>& plans) {
    const model::Council& council = context.site.council;
    doc::Document d = new_document(doc::Document::Kind::Appendix, "accessibility", "Accessibility statement");
    auto para = [&](const std::string& text) { d.body.push_back(doc::paragraph({doc::text(text)})); };
    d.body.push_back(doc::heading(1, {doc::text("Accessibility statement")}));
    para("This website publishes the agendas, reports, minutes and decisions of " + council.name +
         "'s committees. It is meant for everyone: you should be able to zoom to 400% with the text reflowing to fit, "
         "read every page on a phone 320 pixels wide without scrolling sideways, move through it with a keyboard alone, "
         "and listen to it with a screen reader.");
    d.body.push_back(doc::heading(2, {doc::text("How we check it")}, "checks"));
    para("Each time the site is built, every page is read by the Nu HTML Checker and opened in a web browser at 320 and 1280 pixels "
         "wide, where axe-core tests it against WCAG 2.2 level A and AA; links are followed to check each one leads somewhere. "
         "Red, amber and green ratings are always given in words and shapes as well as colours.");
    d.body.push_back(doc::heading(2, {doc::text("The printed pack (PDF)")}, "pdf"));
    para("The Public Document Pack, and each agenda item's own PDF, is a tagged PDF: a screen reader finds its headings, paragraphs, "
         "lists and tables (with their header cells) in reading order, hears each picture and chart described in words and each "
         "arrow's change of direction, and skips page numbers, stamps and blank pages, which are marked as decoration. The pack "
         "says it is in British English and shows its title, not its file name. Every document in it is also a web page here.");
    d.body.push_back(doc::heading(2, {doc::text("What is not yet accessible")}, "limits"));
    doc::Block limits = doc::list(false, {});
    auto limit = [&](const std::string& text) { limits.children.push_back(doc::list_item("", {doc::paragraph({doc::text(text)})})); };
    limit("Pages of a PDF received from a partner are printed in the pack as they came, without the tags the partner's file may have "
          "had: a screen reader is told which appendix and page each is, not what it says. The appendix's text is on its own web page.");
    limit("Some appendices arrive from partners as PDF files and are published as received. Their text is given on a web page too, "
          "but their tables, charts and pictures may not be described.");
    for (const auto& known : council.website.known_limits) limit(known);
    d.body.push_back(std::move(limits));
    d.body.push_back(doc::heading(2, {doc::text("Asking for another format, or telling us about a problem")}, "contact"));
    doc::Inlines ask{doc::text("If you need a paper in another format — large print, easy read, audio, or a document we could not make "
                               "accessible — or you find a problem on this website, contact the council's democratic services team")};
    if (!council.website.contact_email.empty())
        ask.insert(ask.end(), {doc::text(" by email at "), doc::link("mailto:" + council.website.contact_email, {doc::text(council.website.contact_email)})});
    if (!council.website.contact_phone.empty()) ask.push_back(doc::text((council.website.contact_email.empty() ? " by phone on " : " or by phone on ") +
                                                                       council.website.contact_phone));
    ask.push_back(doc::text("."));
    d.body.push_back(doc::paragraph(std::move(ask)));
    // Dated from the papers: the latest agenda issued.
    std::optional<Date> latest;
    for (const auto& plan : plans) {
        const Date issued = plan.meeting->issued.value_or(plan.meeting->date);
        if (!latest || *latest < issued) latest = issued;
    }
    if (latest) para("This statement describes the site as built with the papers issued up to " + day_month_year(*latest) + ".");
    return {paths::accessibility_page(), std::move(d), {{"Meetings", "index.html"}, {"Accessibility statement", ""}}, ""};
}

std::string favicon(const model::Council& council) {
    const std::string colour = council.website.accent.empty() ? "#00567a" : council.website.accent;
    std::string initial = council.name.empty() ? "C" : std::string(1, council.name[0]);
    if (!std::isalnum(static_cast<unsigned char>(initial[0]))) initial = "C";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"" + colour +
           "\"/><text x=\"16\" y=\"23\" font-family=\"Arial, sans-serif\" font-size=\"20\" font-weight=\"bold\" fill=\"#fff\" "
           "text-anchor=\"middle\">" + initial + "</text></svg>\n";
}

}  // namespace agendapack::compose
