// Dutch first, English beside it. The language comes from the browser and can
// be switched; the choice is kept in localStorage.
"use strict";
RD.T.nl = {
  overview: "Overzicht", conflicts: "Conflicten", heatmaps: "Heatmaps", network: "Netwerk", review: "Beoordelen",
  history: "Geschiedenis", tokenPrompt: "API-token (leeg: anoniem)",
  proposition: "Propositie", choices: "Keuzes", gaps: "Gaten", sources: "Bronnen", graphVersion: "Gemaakt op grafiekversie",
  recommendation: "Aanbeveling", recommendations: "Aanbevelingen", documents: "Documenten", actors: "Actoren",
  themes: "Thema's", scenarios: "Scenario's", supports: "Steunt", conflictsEdges: "Conflicteert", overlaps: "Overlapt",
  contradictions: "Tegenstrijdigheden", coherenceIndex: "Coherentie-index", redThread: "Rode-draadkandidaten",
  blindSpots: "Blinde vlekken", frameGaps: "Kadergaten", severity: "Ernst", topic: "Onderwerp", status: "Status",
  sideA: "Kant A", sideB: "Kant B", insideDocument: "binnen één document", backedBy: "Gesteund door", document: "Document", year: "Jaar", source: "Bron",
  loading: "Laden…", error: "Fout", none: "Geen", download: "Downloaden", nodes: "knopen", edges: "verbindingen",
  theme: "Thema", sector: "Sector", scenario: "Scenario", actor: "Actor", all: "alle", filter: "Filter",
  search: "Zoeken", searchHint: "id of titel", zoomIn: "Inzoomen", zoomOut: "Uitzoomen", reset: "Herstel",
  mode: "Weergave", byRecommendation: "aanbevelingen", byDocument: "documenten", community: "Gemeenschap",
  text: "Tekst", quote: "Citaat", endorsers: "Onderschreven door", opposedBy: "Bestreden door", provenance: "Herkomst",
  method: "Methode", reviewedBy: "Beoordeeld door", createdBy: "Gemaakt door", confidence: "Zekerheid",
  edgesOut: "Uitgaande verbindingen", edgesIn: "Inkomende verbindingen", accept: "Accepteren", reject: "Afwijzen", acceptSelected: "Selectie accepteren", rejectSelected: "Selectie afwijzen",
  reviewer: "Beoordelaar", queueEmpty: "Niets te beoordelen.", item: "Item", context: "Bronpassage",
  accepted: "Geaccepteerd", rejected: "Afgewezen", cell: "Cel", metric: "Maat", agreement: "overeenstemming",
  disputed: "betwist", count: "aantal", gac: "GAC", echo: "echo's", sectors: "sectoren", flags: "signalen",
  assignedTo: "Toegewezen aan", proposedSide: "voorgesteld", kind: "Soort", noData: "Geen gegevens.",
  clickCell: "Klik op een cel voor de aanbevelingen erachter.", pairs: "Paren", open: "open",
  isolated: "Geïsoleerd", components: "Componenten", communities: "Gemeenschappen", interactions: "Interacties",
  nodesShown: "{0} knopen, {1} verbindingen", renderTime: "getekend in {0} ms", listTitle: "Aanbevelingen",
};
RD.T.en = {
  overview: "Overview", conflicts: "Conflicts", heatmaps: "Heat maps", network: "Network", review: "Review",
  history: "History", tokenPrompt: "API token (empty: anonymous)",
  proposition: "Proposition", choices: "Choices", gaps: "Gaps", sources: "Sources", graphVersion: "Made from graph version",
  recommendation: "Recommendation", recommendations: "Recommendations", documents: "Documents", actors: "Actors",
  themes: "Themes", scenarios: "Scenarios", supports: "Supports", conflictsEdges: "Conflicts with", overlaps: "Overlaps",
  contradictions: "Contradictions", coherenceIndex: "Coherence index", redThread: "Red-thread candidates",
  blindSpots: "Blind spots", frameGaps: "Frame gaps", severity: "Severity", topic: "Topic", status: "Status",
  sideA: "Side A", sideB: "Side B", insideDocument: "inside one document", backedBy: "Backed by", document: "Document", year: "Year", source: "Source",
  loading: "Loading…", error: "Error", none: "None", download: "Download", nodes: "nodes", edges: "edges",
  theme: "Theme", sector: "Sector", scenario: "Scenario", actor: "Actor", all: "all", filter: "Filter",
  search: "Search", searchHint: "id or title", zoomIn: "Zoom in", zoomOut: "Zoom out", reset: "Reset",
  mode: "Show", byRecommendation: "recommendations", byDocument: "documents", community: "Community",
  text: "Text", quote: "Quote", endorsers: "Endorsed by", opposedBy: "Opposed by", provenance: "Provenance",
  method: "Method", reviewedBy: "Reviewed by", createdBy: "Created by", confidence: "Confidence",
  edgesOut: "Outgoing links", edgesIn: "Incoming links", accept: "Accept", reject: "Reject", acceptSelected: "Accept selected", rejectSelected: "Reject selected",
  reviewer: "Reviewer", queueEmpty: "Nothing to review.", item: "Item", context: "Source passage",
  accepted: "Accepted", rejected: "Rejected", cell: "Cell", metric: "Measure", agreement: "agreement",
  disputed: "disputed", count: "count", gac: "GAC", echo: "echoes", sectors: "sectors", flags: "flags",
  assignedTo: "Assigned to", proposedSide: "proposed", kind: "Kind", noData: "No data.",
  clickCell: "Click a cell for the recommendations behind it.", pairs: "Pairs", open: "open",
  isolated: "Isolated", components: "Components", communities: "Communities", interactions: "Interactions",
  nodesShown: "{0} nodes, {1} edges", renderTime: "drawn in {0} ms", listTitle: "Recommendations",
};
RD.lang = localStorage.getItem("rodedraad.lang") ||
  ((navigator.languages || [navigator.language || "nl"]).some((l) => /^nl\b/i.test(l)) ? "nl" : "en");
if (!(RD.lang in RD.T)) RD.lang = "nl";
