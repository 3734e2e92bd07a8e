<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>AgreementTreeModel</name>
    <message>
        <source>Agreements</source>
        <extracomment>Characters per line of an agreement&apos;s title in the tree. The agreement&apos;s id on every item of its row.</extracomment>
        <translation>Överenskommelser</translation>
    </message>
    <message>
        <source>%1
%2 – %3
%4, revision %5</source>
        <translation>%1
%2 – %3
%4, revision %5</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>%1

Restore the backup from %2 now? The damaged file is kept aside.</source>
        <translation>%1

Återställa säkerhetskopian från %2 nu? Den skadade filen sparas åt sidan.</translation>
    </message>
</context>
<context>
    <name>ChangeLabels</name>
    <message>
        <source>Agreement</source>
        <extracomment>The kind of row that changed, as a heading word (&quot;Åtgärd&quot;).</extracomment>
        <translation>Överenskommelse</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Undertecknare</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Löfte</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nytt mål</translation>
    </message>
    <message>
        <source>New party</source>
        <translation>Ny part</translation>
    </message>
    <message>
        <source>New signatory</source>
        <translation>Ny undertecknare</translation>
    </message>
    <message>
        <source>New focus area</source>
        <translation>Nytt fokusområde</translation>
    </message>
    <message>
        <source>New promise</source>
        <translation>Nytt löfte</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>Removed goal</source>
        <translation>Borttaget mål</translation>
    </message>
    <message>
        <source>Removed party</source>
        <translation>Borttagen part</translation>
    </message>
    <message>
        <source>Removed signatory</source>
        <translation>Borttagen undertecknare</translation>
    </message>
    <message>
        <source>Removed focus area</source>
        <translation>Borttaget fokusområde</translation>
    </message>
    <message>
        <source>Removed promise</source>
        <translation>Borttaget löfte</translation>
    </message>
    <message>
        <source>Removed measure</source>
        <translation>Borttagen åtgärd</translation>
    </message>
    <message>
        <source>Order of the parties</source>
        <translation>Parternas ordning</translation>
    </message>
    <message>
        <source>Order of the signatories</source>
        <translation>Undertecknarnas ordning</translation>
    </message>
    <message>
        <source>Order of the focus areas</source>
        <translation>Fokusområdenas ordning</translation>
    </message>
    <message>
        <source>Order of the promises</source>
        <translation>Löftenas ordning</translation>
    </message>
    <message>
        <source>Order of the measures</source>
        <translation>Åtgärdernas ordning</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>The compared fields, per kind of row (a signatory&apos;s &quot;title&quot; is a job title, a measure&apos;s its name).</extracomment>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind of agreement</source>
        <translation>Typ av överenskommelse</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Local police area</source>
        <translation>Lokalpolisområde</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Slutdatum</translation>
    </message>
    <message>
        <source>Follow-up periods</source>
        <translation>Uppföljningsperioder</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Diarienummer</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Inledning</translation>
    </message>
    <message>
        <source>Current situation</source>
        <translation>Lägesbild</translation>
    </message>
    <message>
        <source>Intended effects</source>
        <translation>Förväntade effekter</translation>
    </message>
    <message>
        <source>How it is followed up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Lydelse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotyp</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Befattning</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>Lämnas av</translation>
    </message>
    <message>
        <source>Under the promise</source>
        <translation>Hör till löftet</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Taking part</source>
        <translation>Medverkande</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordning</translation>
    </message>
</context>
<context>
    <name>ChangesTableModel</name>
    <message>
        <source>What</source>
        <extracomment>The row&apos;s Difference (entity, entity_id, field, old, new as the domain gives them). Characters a cell shows before it is shortened with &quot;…&quot;.</extracomment>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polis</translation>
    </message>
    <message>
        <source>Housing company</source>
        <translation>Bostadsbolag</translation>
    </message>
    <message>
        <source>Property owners</source>
        <translation>Fastighetsägare</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Cooperation agreement</source>
        <translation>Samverkansöverenskommelse</translation>
    </message>
    <message>
        <source>Citizen promise</source>
        <translation>Medborgarlöfte</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <source>Tertial</source>
        <translation>Tertial</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Halvår</translation>
    </message>
    <message>
        <source>Full year</source>
        <translation>Helår</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Hela perioden</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ej påbörjad</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Delvis genomförd</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ej genomförd</translation>
    </message>
    <message>
        <source>Cancelled/Postponed</source>
        <translation>Inställd/Framflyttad</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grön</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gul</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Röd</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ej bedömd</translation>
    </message>
    <message>
        <source>Reported crime</source>
        <translation>Anmälda brott</translation>
    </message>
    <message>
        <source>Brå&apos;s National Crime Survey (NTU)</source>
        <translation>Brås Nationella trygghetsundersökning (NTU)</translation>
    </message>
    <message>
        <source>The Police&apos;s safety survey</source>
        <translation>Polisens trygghetsmätning</translation>
    </message>
    <message>
        <source>The municipality&apos;s safety survey</source>
        <translation>Kommunens trygghetsmätning</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Other source</source>
        <translation>Annan källa</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Lägre är bättre</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Högre är bättre</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Kvinnor</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Män</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Bättre</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Sämre</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Oförändrat</translation>
    </message>
    <message>
        <source>Nothing to compare with</source>
        <translation>Inget att jämföra med</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Medborgarlöften</source>
        <extracomment>How often the window checks whether the daily backup is due.</extracomment>
        <translation>Medborgarlöften</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Överenskommelser</translation>
    </message>
    <message>
        <source>Filter measures…</source>
        <translation>Filtrera åtgärder…</translation>
    </message>
    <message>
        <source>Filter measures</source>
        <translation>Filtrera åtgärder</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Pages of the agreement</source>
        <translation>Överenskommelsens sidor</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Återställ från säkerhetskopia…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Agreement</source>
        <translation>Ö&amp;verenskommelse</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>Re&amp;gister</translation>
    </message>
    <message>
        <source>&amp;Organisations…</source>
        <translation>&amp;Organisationer…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Medborgarlöften</source>
        <translation>&amp;Om Medborgarlöften</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopiering</translation>
    </message>
    <message>
        <source>Backup made and checked: %1</source>
        <translation>Säkerhetskopia gjord och kontrollerad: %1</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Den dagliga säkerhetskopieringen misslyckades: %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställning</translation>
    </message>
    <message>
        <source>Restored from %1</source>
        <translation>Återställd från %1</translation>
    </message>
    <message>
        <source>No agreements yet</source>
        <translation>Inga överenskommelser ännu</translation>
    </message>
    <message>
        <source>Import an agreement (promises-app import FILE.json) or load the demo data.</source>
        <translation>Importera en överenskommelse (promises-app import FIL.json) eller läs in demodata (promises-app demo).</translation>
    </message>
    <message>
        <source>follow-up: %1 (%2 periods)</source>
        <translation>uppföljning: %1 (%2 perioder)</translation>
    </message>
    <message>
        <source>%1, revision %2</source>
        <translation>%1, revision %2</translation>
    </message>
    <message>
        <source>Parties: %1</source>
        <translation>Parter: %1</translation>
    </message>
    <message>
        <source>Case number: %1</source>
        <translation>Diarienummer: %1</translation>
    </message>
    <message>
        <source>About Medborgarlöften</source>
        <translation>Om Medborgarlöften</translation>
    </message>
    <message>
        <source>Medborgarlöften %1
Plan, follow up and report citizen promises.</source>
        <translation>Medborgarlöften %1
Planera, följ upp och rapportera medborgarlöften.</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>Measure</source>
        <extracomment>The raw value to sort by (dates as ISO text, so empty deadlines sort first).</extracomment>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Slutdatum</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Rapporterad</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>The reporting period of the latest follow-up</source>
        <translation>Uppföljningsperioden för den senaste uppföljningen</translation>
    </message>
    <message>
        <source>Count achieved so far of the counted target</source>
        <translation>Antal hittills av målvärdet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Traffic light</source>
        <translation>Trafikljus</translation>
    </message>
    <message>
        <source>Overdue: the deadline has passed and the measure is not done.</source>
        <translation>Försenad: slutdatum har passerat och åtgärden är inte genomförd.</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (försenad)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ingen ännu</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Change organisation</source>
        <translation>Ändra organisation</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Ny organisation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kortnamn</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Kortnamn:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kortnamn</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <extracomment>Pixels per PDF point (1.0 = 72 dpi): an A4 page becomes about 740 × 1050 pixels.</extracomment>
        <translation>Förhandsgranskning: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sidor</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 sida</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 sidor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Spara som…</translation>
    </message>
    <message>
        <source>Save the PDF as a file</source>
        <translation>Spara PDF:en som en fil</translation>
    </message>
    <message>
        <source>Save PDF as</source>
        <translation>Spara PDF som</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: %2</source>
        <translation>PDF:en kunde inte sparas som %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Sparad som %1</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Organisations</source>
        <translation>Organisationer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>&amp;New organisation…</source>
        <translation>&amp;Ny organisation…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The database as it is now is saved as a backup first, so nothing is lost.</source>
        <translation>Välj säkerhetskopian som ska återställas. Databasen som den är nu sparas först som en säkerhetskopia, så ingenting går förlorat.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Å&amp;terställ</translation>
    </message>
    <message>
        <source>%1 (%2): %3 agreements, %4 measures, %5 follow-ups</source>
        <translation>%1 (%2): %3 överenskommelser, %4 åtgärder, %5 uppföljningar</translation>
    </message>
</context>
<context>
    <name>RevisionTableModel</name>
    <message>
        <source>Revision</source>
        <extracomment>The revision number of the row (an int), on every column. The row&apos;s SignedRevisionRecord. How many hex digits of a SHA-256 the cells show.</extracomment>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Undertecknare</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Hand-signed copy</source>
        <translation>Undertecknad kopia</translation>
    </message>
    <message>
        <source>The first 12 characters of the SHA-256 checksum of the signed content. The same content always gives the same fingerprint.</source>
        <translation>De första 12 tecknen av kontrollsumman (SHA-256) för det undertecknade innehållet. Samma innehåll ger alltid samma fingeravtryck.</translation>
    </message>
    <message>
        <source>The scanned, hand-signed agreement kept with the revision</source>
        <translation>Den inskannade, för hand undertecknade överenskommelsen som sparats med revisionen</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ej angivet</translation>
    </message>
    <message>
        <source>Fingerprint of the signed content, SHA-256:
%1</source>
        <translation>Fingeravtryck för det undertecknade innehållet, SHA-256:
%1</translation>
    </message>
    <message>
        <source>Checksum of the PDF made at signing, SHA-256 (%1):
%2</source>
        <translation>Kontrollsumma för PDF:en som skapades vid undertecknandet, SHA-256 (%1):
%2</translation>
    </message>
    <message>
        <source>Recorded %1 by %2</source>
        <translation>Registrerad %1 av %2</translation>
    </message>
    <message>
        <source>Read from an exchange file that said the agreement was signed; its content was frozen as it came in.</source>
        <translation>Inläst från en utbytesfil där överenskommelsen angavs som undertecknad; innehållet frystes som det kom in.</translation>
    </message>
    <message>
        <source>Signed off in this program; the PDF&apos;s checksum was recorded at signing.</source>
        <translation>Undertecknad i det här programmet; PDF:ens kontrollsumma registrerades vid undertecknandet.</translation>
    </message>
    <message>
        <source>No hand-signed copy attached yet.</source>
        <translation>Ingen undertecknad kopia bifogad ännu.</translation>
    </message>
    <message>
        <source>The date of signing was not recorded (the agreement was imported without it).</source>
        <translation>Datum för undertecknandet är inte angivet (överenskommelsen lästes in utan det).</translation>
    </message>
    <message>
        <source>Checksum (SHA-256): %1</source>
        <translation>Kontrollsumma (SHA-256): %1</translation>
    </message>
    <message>
        <source>%1, attached %2 by %3</source>
        <translation>%1, bifogad %2 av %3</translation>
    </message>
    <message>
        <source>Signed here</source>
        <translation>Undertecknad här</translation>
    </message>
    <message>
        <source>Imported from file</source>
        <translation>Inläst från fil</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign the agreement</source>
        <extracomment>The longest place the service accepts (services.signoff.PLACE_MAX).</extracomment>
        <translation>Underteckna överenskommelsen</translation>
    </message>
    <message>
        <source>Signing freezes the content of the agreement as signed revision %1, with its fingerprint. It cannot be changed afterwards: to change something later, start a new revision and sign that. Edits made before the signing can no longer be undone.</source>
        <translation>Undertecknandet fryser överenskommelsens innehåll som undertecknad revision %1, med sitt fingeravtryck. Det kan inte ändras i efterhand: ska något ändras senare startar du en ny revision och undertecknar den. Ändringar gjorda före undertecknandet kan inte längre ångras.</translation>
    </message>
    <message>
        <source>Place of signing</source>
        <translation>Ort för undertecknandet</translation>
    </message>
    <message>
        <source>Date of signing</source>
        <translation>Datum för undertecknandet</translation>
    </message>
    <message>
        <source>%1 is present at the signing</source>
        <translation>%1 är närvarande vid undertecknandet</translation>
    </message>
    <message>
        <source>No signatory is registered for this party.</source>
        <translation>Ingen undertecknare är registrerad för parten.</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Present at the signing:</source>
        <translation>Närvarande vid undertecknandet:</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Underteckna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>Add organisation %1</source>
        <translation>lägg till organisationen %1</translation>
    </message>
    <message>
        <source>Change organisation %1</source>
        <translation>ändra organisationen %1</translation>
    </message>
</context>
<context>
    <name>VersionsPage</name>
    <message>
        <source>Version status</source>
        <extracomment>The agreement&apos;s state or revision changed here (signed, new revision): the window updates its list.</extracomment>
        <translation>Versionsstatus</translation>
    </message>
    <message>
        <source>Signed revisions</source>
        <translation>Undertecknade revisioner</translation>
    </message>
    <message>
        <source>Changes since signing</source>
        <translation>Ändringar sedan undertecknandet</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Underteckna…</translation>
    </message>
    <message>
        <source>Record the signing of the draft: place, date and the signatories present</source>
        <translation>Registrera undertecknandet av utkastet: ort och datum samt närvarande undertecknare</translation>
    </message>
    <message>
        <source>&amp;New revision</source>
        <translation>&amp;Ny revision</translation>
    </message>
    <message>
        <source>Make the signed agreement a draft again, as the next revision</source>
        <translation>Gör den undertecknade överenskommelsen till ett utkast igen, som nästa revision</translation>
    </message>
    <message>
        <source>&amp;Attach hand-signed copy…</source>
        <translation>&amp;Bifoga undertecknad kopia…</translation>
    </message>
    <message>
        <source>Keep the scanned, hand-signed PDF with the selected revision</source>
        <translation>Spara den inskannade, undertecknade PDF:en med den valda revisionen</translation>
    </message>
    <message>
        <source>Sa&amp;ve hand-signed copy…</source>
        <translation>&amp;Spara undertecknad kopia…</translation>
    </message>
    <message>
        <source>Save the hand-signed copy of the selected revision as a file</source>
        <translation>Spara den valda revisionens undertecknade kopia som en fil</translation>
    </message>
    <message>
        <source>&amp;Preview PDF…</source>
        <translation>&amp;Förhandsgranska PDF…</translation>
    </message>
    <message>
        <source>The PDF of the selected signed revision or, with none selected, of the agreement as it is now</source>
        <translation>PDF:en för den valda undertecknade revisionen eller, om ingen är vald, för överenskommelsen som den är nu</translation>
    </message>
    <message>
        <source>The agreement has not been signed yet, so there is nothing to compare with.</source>
        <translation>Överenskommelsen är inte undertecknad ännu, så det finns inget att jämföra med.</translation>
    </message>
    <message>
        <source>Changes since signed revision %1</source>
        <translation>Ändringar sedan undertecknad revision %1</translation>
    </message>
    <message>
        <source>Nothing has changed since signed revision %1.</source>
        <translation>Ingenting har ändrats sedan undertecknad revision %1.</translation>
    </message>
    <message>
        <source>Revision %1 – draft, not signed yet.</source>
        <translation>Revision %1 – utkast, ännu inte undertecknad.</translation>
    </message>
    <message>
        <source>Revision %1 – draft. No changes since signed revision %2.</source>
        <translation>Revision %1 – utkast. Inga ändringar sedan undertecknad revision %2.</translation>
    </message>
    <message>
        <source>Revision %1 – draft. 1 change since signed revision %2.</source>
        <translation>Revision %1 – utkast. 1 ändring sedan undertecknad revision %2.</translation>
    </message>
    <message>
        <source>Revision %1 – draft. %3 changes since signed revision %2.</source>
        <translation>Revision %1 – utkast. %3 ändringar sedan undertecknad revision %2.</translation>
    </message>
    <message>
        <source>Revision %1 – closed.</source>
        <translation>Revision %1 – avslutad.</translation>
    </message>
    <message>
        <source>Revision %1 – signed in %2 on %3.</source>
        <translation>Revision %1 – undertecknad i %2 den %3.</translation>
    </message>
    <message>
        <source>Revision %1 – signed in %2 (date not recorded).</source>
        <translation>Revision %1 – undertecknad i %2 (datum ej angivet).</translation>
    </message>
    <message>
        <source>Revision %1 – signed on %2.</source>
        <translation>Revision %1 – undertecknad den %2.</translation>
    </message>
    <message>
        <source>Revision %1 – signed.</source>
        <translation>Revision %1 – undertecknad.</translation>
    </message>
    <message>
        <source>Signed revision %1 is recorded. Fingerprint %2 (SHA-256 %3).</source>
        <translation>Undertecknad revision %1 är registrerad. Fingeravtryck %2 (SHA-256 %3).</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Ny revision</translation>
    </message>
    <message>
        <source>Start revision %1 of «%2» as a draft?

Signed revision %3 stays exactly as it was signed: its content, its fingerprint and any attached hand-signed copy are kept unchanged. The draft can then be edited and signed as revision %1.

Edits made before this can no longer be undone.</source>
        <translation>Starta revision %1 av «%2» som utkast?

Undertecknad revision %3 finns kvar precis som den undertecknades: innehållet, fingeravtrycket och bifogade undertecknade kopior ändras inte. Utkastet kan sedan ändras och undertecknas som revision %1.

Ändringar gjorda före detta kan inte längre ångras.</translation>
    </message>
    <message>
        <source>Revision %1 is a draft now. Signed revision %2 is kept as it was signed.</source>
        <translation>Revision %1 är nu ett utkast. Undertecknad revision %2 finns kvar som den undertecknades.</translation>
    </message>
    <message>
        <source>Attach hand-signed copy</source>
        <translation>Bifoga undertecknad kopia</translation>
    </message>
    <message>
        <source>Hand-signed copy of signed revision %1</source>
        <translation>Undertecknad kopia av revision %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 kunde inte läsas: %2</translation>
    </message>
    <message>
        <source>Attached «%1» to signed revision %2. Checksum (SHA-256): %3</source>
        <translation>«%1» är bifogad till undertecknad revision %2. Kontrollsumma (SHA-256): %3</translation>
    </message>
    <message>
        <source>Save hand-signed copy</source>
        <translation>Spara undertecknad kopia</translation>
    </message>
    <message>
        <source>Which copy?</source>
        <translation>Vilken kopia?</translation>
    </message>
    <message>
        <source>The stored copy «%1» no longer matches its checksum; it is not saved.</source>
        <translation>Den sparade kopian «%1» stämmer inte längre med sin kontrollsumma; den sparas inte.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 kunde inte sparas: %2</translation>
    </message>
    <message>
        <source>Saved «%1» as %2.</source>
        <translation>«%1» är sparad som %2.</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>Förhandsgranska PDF</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>överenskommelse</translation>
    </message>
    <message>
        <source>%1 rev %2 draft.pdf</source>
        <translation>%1 rev %2 utkast.pdf</translation>
    </message>
    <message>
        <source>%1 rev %2.pdf</source>
        <translation>%1 rev %2.pdf</translation>
    </message>
    <message>
        <source>Creating PDF…</source>
        <translation>Skapar PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The PDF could not be made: %1</source>
        <translation>PDF:en kunde inte skapas: %1</translation>
    </message>
</context>
</TS>
