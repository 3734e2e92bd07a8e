<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Adopt the follow-up</source>
        <translation>Fastställ uppföljningen</translation>
    </message>
    <message>
        <source>Record that the follow-up report was adopted, as in the minutes. The report is kept as it stands now, as an archival PDF that cannot change afterwards. A correction made later is published by adopting the period again, as its next version.</source>
        <translation>Registrera att uppföljningsrapporten har fastställts, som det står i protokollet. Rapporten sparas som den ser ut nu, som en arkiv-PDF som inte kan ändras i efterhand. En rättelse som görs senare publiceras genom att perioden fastställs på nytt, som nästa version.</translation>
    </message>
    <message>
        <source>The report is made with the usual choices: portrait pages, every section, grouped by promise. For other choices, open the follow-up report (Create report) and adopt it from there.</source>
        <translation>Rapporten görs med de vanliga valen: stående sidor, alla delar, grupperad per löfte. För andra val, öppna uppföljningsrapporten (Skapa rapport) och fastställ den därifrån.</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
    </message>
    <message>
        <source>Adopted by</source>
        <translation>Fastställd av</translation>
    </message>
    <message>
        <source>e.g. Kommunstyrelsen</source>
        <translation>t.ex. Kommunstyrelsen</translation>
    </message>
    <message>
        <source>Date of adoption</source>
        <translation>Datum för fastställandet</translation>
    </message>
    <message>
        <source>e.g. § 45</source>
        <translation>t.ex. § 45</translation>
    </message>
    <message>
        <source>Paragraph in the minutes</source>
        <translation>Paragraf i protokollet</translation>
    </message>
    <message>
        <source>e.g. KS 2022/123 (if there is one)</source>
        <translation>t.ex. KS 2022/123 (om det finns)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Diarienummer</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <source>The day the report is made as of; on or before the day it was adopted.</source>
        <translation>Dagen rapporten görs per; samma dag som fastställandet eller tidigare.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Adopted &amp;by:</source>
        <translation>Fastställd a&amp;v:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Pa&amp;ragraph:</source>
        <translation>Pa&amp;ragraf:</translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation>Diarie&amp;nummer:</translation>
    </message>
    <message>
        <source>Report da&amp;te:</source>
        <translation>Rapportda&amp;tum:</translation>
    </message>
    <message>
        <source>&amp;Adopt</source>
        <translation>&amp;Fastställ</translation>
    </message>
    <message>
        <source>Record the adoption and keep the report</source>
        <translation>Registrera fastställandet och spara rapporten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Not adopted yet: this will be version 1.</source>
        <translation>Inte fastställd ännu: det här blir version 1.</translation>
    </message>
    <message>
        <source>Version %1 was adopted by %2 on %3 (%4). This will be version %5 and replace it.</source>
        <translation>Version %1 fastställdes av %2 den %3 (%4). Det här blir version %5 och ersätter den.</translation>
    </message>
</context>
<context>
    <name>AdoptedTableModel</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Adopted by</source>
        <translation>Fastställd av</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>Fastställd den</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraf</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Diarienummer</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>Compared with the data now</source>
        <translation>Jämfört med uppgifterna nu</translation>
    </message>
    <message>
        <source>The first 12 characters of the SHA-256 checksum of the adopted report&apos;s content, as its footer prints it.</source>
        <translation>De första 12 tecknen av SHA-256-kontrollsumman för den fastställda rapportens innehåll, som i dess sidfot.</translation>
    </message>
    <message>
        <source>Whether the report made from the data now would still be the one adopted. If a follow-up was corrected since, adopt the period again to publish the correction.</source>
        <translation>Om rapporten gjord av uppgifterna nu fortfarande blir den som fastställdes. Har en uppföljning rättats sedan dess, fastställ perioden på nytt för att publicera rättelsen.</translation>
    </message>
    <message>
        <source>Replaced by version %1</source>
        <translation>Ersatt av version %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>Cannot be compared</source>
        <translation>Kan inte jämföras</translation>
    </message>
    <message>
        <source>Matches the data</source>
        <translation>Stämmer med uppgifterna</translation>
    </message>
    <message>
        <source>Changed since adoption: adopt again</source>
        <translation>Ändrad sedan fastställandet: fastställ på nytt</translation>
    </message>
    <message>
        <source>Fingerprint of the adopted content, SHA-256:
%1</source>
        <translation>Fingeravtryck för det fastställda innehållet, SHA-256:
%1</translation>
    </message>
    <message>
        <source>Checksum of the PDF kept at the adoption, SHA-256 (%1):
%2</source>
        <translation>Kontrollsumma för PDF:en som sparades vid fastställandet, SHA-256 (%1):
%2</translation>
    </message>
    <message>
        <source>Recorded %1 by %2</source>
        <translation>Registrerad %1 av %2</translation>
    </message>
    <message>
        <source>What the report made now says differently:</source>
        <translation>Det här säger rapporten gjord nu annorlunda:</translation>
    </message>
</context>
<context>
    <name>AgreementCommands</name>
    <message>
        <source>add agreement «%1»</source>
        <extracomment>What an edit of the agreement&apos;s details sets (signing place and date belong to the sign-off).</extracomment>
        <translation>lägg till överenskommelsen «%1»</translation>
    </message>
    <message>
        <source>change agreement «%1»</source>
        <translation>ändra överenskommelsen «%1»</translation>
    </message>
    <message>
        <source>add party %1</source>
        <translation>lägg till parten %1</translation>
    </message>
    <message>
        <source>remove party %1</source>
        <translation>ta bort parten %1</translation>
    </message>
    <message>
        <source>move party %1</source>
        <translation>flytta parten %1</translation>
    </message>
    <message>
        <source>add signatory %1</source>
        <translation>lägg till undertecknaren %1</translation>
    </message>
    <message>
        <source>remove signatory %1</source>
        <translation>ta bort undertecknaren %1</translation>
    </message>
    <message>
        <source>move signatory %1</source>
        <translation>flytta undertecknaren %1</translation>
    </message>
    <message>
        <source>add person %1</source>
        <translation>lägg till personen %1</translation>
    </message>
    <message>
        <source>change person %1</source>
        <translation>ändra personen %1</translation>
    </message>
    <message>
        <source>delete person %1</source>
        <translation>ta bort personen %1</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Make them p&amp;arties when saving</source>
        <translation>Gör dem till p&amp;arter när du sparar</translation>
    </message>
    <message>
        <source>%1 (new in the register)</source>
        <translation>%1 (ny i registret)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 och %2</translation>
    </message>
    <message>
        <source>%1 will be parties of the agreement.</source>
        <translation>%1 blir parter i överenskommelsen.</translation>
    </message>
    <message>
        <source>%1 will be a party of the agreement.</source>
        <translation>%1 blir part i överenskommelsen.</translation>
    </message>
    <message>
        <source>%1 with the parties %2</source>
        <translation>%1 med parterna %2</translation>
    </message>
    <message>
        <source>Agreement details – %1</source>
        <extracomment>The text sections of the document, each on its own tab.</extracomment>
        <translation>Uppgifter om överenskommelsen – %1</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Ny överenskommelse</translation>
    </message>
    <message>
        <source>Parts of the agreement</source>
        <translation>Överenskommelsens delar</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>e.g. Solna – citizen promises 2023</source>
        <translation>t.ex. Solna – medborgarlöften 2023</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Under the cooperation agreement:</source>
        <translation>&amp;Under samverkansöverenskommelsen:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <source>Local &amp;police area:</source>
        <translation>Lokal&amp;polisområde:</translation>
    </message>
    <message>
        <source>&amp;Case number:</source>
        <translation>&amp;Diarienummer:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>Sta&amp;rtdatum:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>S&amp;lutdatum:</translation>
    </message>
    <message>
        <source>&amp;Reporting periods:</source>
        <translation>Upp&amp;följningsperioder:</translation>
    </message>
    <message>
        <source>Measures are followed up once per reporting period (quarter, tertial, half-year, year or the whole period), clipped to the agreement&apos;s dates.</source>
        <translation>Åtgärderna följs upp en gång per uppföljningsperiod (kvartal, tertial, halvår, helår eller hela perioden), inom överenskommelsens datum.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Overarching goals</source>
        <translation>Övergripande mål</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nytt mål</translation>
    </message>
    <message>
        <source>Type a goal and press Enter</source>
        <translation>Skriv ett mål och tryck Enter</translation>
    </message>
    <message>
        <source>&amp;Add goal</source>
        <translation>&amp;Lägg till mål</translation>
    </message>
    <message>
        <source>Re&amp;move goal</source>
        <translation>Ta &amp;bort mål</translation>
    </message>
    <message>
        <source>Move goal up (Alt+Up)</source>
        <translation>Flytta målet uppåt (Alt+Upp)</translation>
    </message>
    <message>
        <source>Move goal down (Alt+Down)</source>
        <translation>Flytta målet nedåt (Alt+Ned)</translation>
    </message>
    <message>
        <source>Overarching &amp;goals (double-click or F2 to change one):</source>
        <translation>Övergripande &amp;mål (dubbelklicka eller tryck F2 för att ändra ett):</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Inledning</translation>
    </message>
    <message>
        <source>What the agreement is and why it is made.</source>
        <translation>Vad överenskommelsen är och varför den görs.</translation>
    </message>
    <message>
        <source>Situational picture</source>
        <translation>Lägesbild</translation>
    </message>
    <message>
        <source>The situation today: what the police, the municipality and the residents see.</source>
        <translation>Situationen i dag: vad polisen, kommunen och invånarna ser.</translation>
    </message>
    <message>
        <source>What we will achieve</source>
        <translation>Det här ska vi åstadkomma</translation>
    </message>
    <message>
        <source>The effects the parties want to achieve together.</source>
        <translation>De effekter parterna vill uppnå tillsammans.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>How the parties follow up and tell how it goes.</source>
        <translation>Hur parterna följer upp och berättar hur det går.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Create agreement</source>
        <translation>&amp;Skapa överenskommelsen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>«%1» is %2 (revision %3): its details cannot be changed. Start a new revision on the Versions page to change them; the signed revision stays as it was.</source>
        <translation>«%1» är %2 (revision %3): uppgifterna kan inte ändras. Starta en ny revision på sidan Versioner för att ändra dem; den undertecknade revisionen finns kvar som den var.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Agreement details</source>
        <translation>Uppgifter om överenskommelsen</translation>
    </message>
</context>
<context>
    <name>AgreementTreeModel</name>
    <message>
        <source>Agreements</source>
        <extracomment>Characters per line of an agreement&apos;s title in the tree. The agreement&apos;s id on every item of its row. What the search above the tree looks in: the title unwrapped, the kind, the dates and the state. What the tree shows, as read (so a caller can tell whether the list changed).</extracomment>
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
    <name>AllMeasuresPage</name>
    <message>
        <source>Filter measures…</source>
        <extracomment>Tables the list shows: a change to any other table leaves it as it is. A change came while another tab covered the page: read again when it is shown.</extracomment>
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
        <source>How the text is printed</source>
        <translation>Så skrivs texten ut</translation>
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
    <name>ChoiceForm</name>
    <message>
        <source>&amp;Add</source>
        <extracomment>What the page shows: a change to any other table leaves it as it is.</extracomment>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <source>Nothing to choose.</source>
        <translation>Det finns inget att välja.</translation>
    </message>
</context>
<context>
    <name>ChoosePreviousPage</name>
    <message>
        <source>Last year&apos;s agreement</source>
        <translation>Förra årets överenskommelse</translation>
    </message>
    <message>
        <source>Choose the agreement the new one continues. Its parties, focus areas, promises and unfinished measures are copied into a new draft.</source>
        <translation>Välj den överenskommelse som den nya fortsätter. Dess parter, fokusområden, löften och oavslutade åtgärder kopieras till ett nytt utkast.</translation>
    </message>
    <message>
        <source>Previous agreement</source>
        <translation>Tidigare överenskommelse</translation>
    </message>
    <message>
        <source>%1   (%2 – %3, %4)</source>
        <translation>%1   (%2 – %3, %4)</translation>
    </message>
    <message>
        <source>&amp;Previous agreement:</source>
        <translation>&amp;Tidigare överenskommelse:</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved it</source>
        <translation>Någon annan har sparat</translation>
    </message>
    <message>
        <source>%1 was saved by someone else while you were editing it.</source>
        <translation>%1 har sparats av någon annan medan du ändrade.</translation>
    </message>
    <message>
        <source>It has been removed since you read it.</source>
        <translation>Den har tagits bort sedan du läste in den.</translation>
    </message>
    <message>
        <source>Their version was saved by %1 on %2.</source>
        <translation>Deras version sparades av %1 %2.</translation>
    </message>
    <message>
        <source>The change log does not say who saved their version.</source>
        <translation>Ändringsloggen säger inte vem som sparade deras version.</translation>
    </message>
    <message>
        <source>Theirs (saved now)</source>
        <translation>Deras (sparat nu)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ditt</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(borttagen)</translation>
    </message>
    <message>
        <source>Take theirs: their values are shown; nothing is saved.
Keep mine: what you typed is saved over theirs (one step to undo).
Cancel: nothing is saved; what you typed stays.</source>
        <translation>Ta deras: deras värden visas; ingenting sparas.
Behåll mitt: det du skrev sparas över deras (ett steg att ångra).
Avbryt: ingenting sparas; det du skrev finns kvar.</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Ta deras</translation>
    </message>
    <message>
        <source>Show their values; nothing is saved</source>
        <translation>Visa deras värden; ingenting sparas</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Behåll mitt</translation>
    </message>
    <message>
        <source>Save what you typed over their values</source>
        <translation>Spara det du skrev över deras värden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save nothing; what you typed stays</source>
        <translation>Spara ingenting; det du skrev finns kvar</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>%1 has been changed by someone else since you saved it.</source>
        <translation>%1 har ändrats av någon annan sedan du sparade.</translation>
    </message>
    <message>
        <source>Take theirs: their values stay; the step leaves the undo history.
Keep mine: the step is done over theirs.
Cancel: nothing changes; the step stays to be done later.</source>
        <translation>Ta deras: deras värden står kvar; steget tas bort ur ångra-historiken.
Behåll mitt: steget görs över deras.
Avbryt: ingenting ändras; steget finns kvar att göra senare.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to shared database</source>
        <translation>Anslut till delad databas</translation>
    </message>
    <message>
        <source>A shared database lives on a PostgreSQL server run by the municipality&apos;s IT. Fill in what IT gave you, or paste the whole address.</source>
        <translation>En delad databas finns på en PostgreSQL-server som kommunens IT sköter. Fyll i det som IT har gett dig, eller klistra in hela adressen.</translation>
    </message>
    <message>
        <source>e.g. db.kommun.se</source>
        <translation>t.ex. db.kommun.se</translation>
    </message>
    <message>
        <source>e.g. medborgarloften</source>
        <translation>t.ex. medborgarloften</translation>
    </message>
    <message>
        <source>Encrypted, the server&apos;s certificate and name checked (verify-full, recommended)</source>
        <translation>Krypterad, serverns certifikat och namn kontrolleras (verify-full, rekommenderas)</translation>
    </message>
    <message>
        <source>Encrypted, the server&apos;s certificate checked but not its name (verify-ca)</source>
        <translation>Krypterad, serverns certifikat kontrolleras men inte namnet (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypted, the server not checked (require)</source>
        <translation>Krypterad, servern kontrolleras inte (require)</translation>
    </message>
    <message>
        <source>Encrypted if the server can (prefer)</source>
        <translation>Krypterad om servern kan (prefer)</translation>
    </message>
    <message>
        <source>Not encrypted (disable)</source>
        <translation>Inte krypterad (disable)</translation>
    </message>
    <message>
        <source>verify-full: the connection is encrypted, and the server must show a certificate signed by an authority you trust (~/.postgresql/root.crt) that carries the server&apos;s name, so nobody can pose as the server. Ask IT for the certificate.</source>
        <translation>verify-full: förbindelsen är krypterad, och servern måste visa ett certifikat som är utfärdat av en utfärdare du litar på (~/.postgresql/root.crt) och som bär serverns namn, så att ingen kan utge sig för att vara servern. Be IT om certifikatet.</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Adress (URL)</translation>
    </message>
    <message>
        <source>The password is read from ~/.pgpass or a service file; if none is found the program asks for it and never saves it.</source>
        <translation>Lösenordet läses från ~/.pgpass eller en tjänstefil; finns det inte där frågar programmet efter det och sparar det aldrig.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Kryptering:</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>Kryptering (TLS)</translation>
    </message>
    <message>
        <source>Or the &amp;address:</source>
        <translation>Eller &amp;hela adressen:</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Anslu&amp;t</translation>
    </message>
    <message>
        <source>The address must begin with postgresql:// (for example postgresql://name@server/database).</source>
        <translation>Adressen ska börja med postgresql:// (till exempel postgresql://namn@server/databas).</translation>
    </message>
    <message>
        <source>Fill in the server, or paste the address.</source>
        <translation>Fyll i servern, eller klistra in adressen.</translation>
    </message>
    <message>
        <source>Fill in the database.</source>
        <translation>Fyll i databasen.</translation>
    </message>
</context>
<context>
    <name>CountWords</name>
    <message>
        <source>from logged occurrences</source>
        <translation>från loggade tillfällen</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>inskrivet</translation>
    </message>
    <message>
        <source>so far %1 %2</source>
        <translation>hittills %1 %2</translation>
    </message>
    <message>
        <source>so far %1 of %2 %3</source>
        <translation>hittills %1 av %2 %3</translation>
    </message>
    <message>
        <source>this period –</source>
        <translation>denna period –</translation>
    </message>
    <message>
        <source>this period %1</source>
        <translation>denna period %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>Recent &amp;files</source>
        <extracomment>How often the window checks whether the daily backup is due. The window works in other services now (another file, or the same one reopened after a restore); the old ones are closed. Argument: the new ``Services``.</extracomment>
        <translation>Senaste &amp;filer</translation>
    </message>
    <message>
        <source>The database files opened lately</source>
        <translation>Databasfilerna som öppnats senast</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Öppna databas</translation>
    </message>
    <message>
        <source>Medborgarlöften databases (*.sqlite *.db);;All files (*)</source>
        <translation>Medborgarlöften-databaser (*.sqlite *.db);;Alla filer (*)</translation>
    </message>
    <message>
        <source>%1 is already open.</source>
        <translation>%1 är redan öppen.</translation>
    </message>
    <message>
        <source>%1

You are still working in %2.</source>
        <translation>%1

Du arbetar fortfarande i %2.</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Ny databas</translation>
    </message>
    <message>
        <source>Medborgarlöften databases (*.sqlite)</source>
        <translation>Medborgarlöften-databaser (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it with File → Open database.</source>
        <translation>%1 finns redan. Välj ett annat namn, eller öppna den med Arkiv → Öppna databas.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopiering</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Töm listan</translation>
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
        <source>The database %1 could not be opened again after the restore:
%2</source>
        <translation>Databasen %1 kunde inte öppnas igen efter återställningen:
%2</translation>
    </message>
    <message>
        <source>Restored from %1</source>
        <translation>Återställd från %1</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>Mappen %1 kunde inte öppnas.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Öppna demo</translation>
    </message>
    <message>
        <source>Connect to shared database</source>
        <translation>Anslut till delad databas</translation>
    </message>
    <message>
        <source>The shared database is backed up by its server (pg_dump), not by the program. Ask whoever runs the server for a copy or a restore; docs/shared-database.md tells how.</source>
        <translation>Den delade databasen säkerhetskopieras av servern (pg_dump), inte av programmet. Be den som sköter servern om en kopia eller en återställning; docs/shared-database.md beskriver hur.</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>e.g. 2027-03-31 or 31/3 2027</source>
        <extracomment>Wide enough for &quot;2027-03-31&quot; and &quot;31 december 2027&quot; without scrolling. Focus that comes back (from a menu, the calendar, another window) does not start afresh. ``date`` by another name, for the class below, whose method ``date`` hides the type.</extracomment>
        <translation>t.ex. 2027-03-31 eller 31/3 2027</translation>
    </message>
    <message>
        <source>Type the date as 2027-03-31 or 31/3 2027 (day first), or pick it in the calendar (F4).</source>
        <translation>Skriv datumet som 2027-03-31 eller 31/3 2027 (dagen först), eller välj det i kalendern (F4).</translation>
    </message>
    <message>
        <source>Pick the date in a calendar (F4)</source>
        <translation>Välj datumet i en kalender (F4)</translation>
    </message>
    <message>
        <source>%1: pick in a calendar</source>
        <translation>%1: välj i en kalender</translation>
    </message>
    <message>
        <source>Pick in a calendar</source>
        <translation>Välj i en kalender</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>The new agreement</source>
        <translation>Den nya överenskommelsen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
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
        <source>Reporting periods</source>
        <translation>Uppföljningsperioder</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Startdatum:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>S&amp;lutdatum:</translation>
    </message>
    <message>
        <source>&amp;Reporting periods:</source>
        <translation>&amp;Uppföljningsperioder:</translation>
    </message>
    <message>
        <source>A new draft that continues «%1» (%2 – %3).</source>
        <translation>Ett nytt utkast som fortsätter «%1» (%2 – %3).</translation>
    </message>
</context>
<context>
    <name>EmptyPlanHint</name>
    <message>
        <source>What to do first</source>
        <translation>Vad du gör först</translation>
    </message>
    <message>
        <source>The plan is empty. First add the parties (the page Parties and signatories: the municipality, the local police area and any others), then come back here to add promises and measures.</source>
        <translation>Planen är tom. Lägg först till parterna (sidan Parter och undertecknare: kommunen, lokalpolisområdet och eventuella andra) och kom sedan tillbaka hit för att lägga till löften och åtgärder.</translation>
    </message>
    <message>
        <source>The plan is empty. Start with a promise (who promises what) and add its measures, each with an owner and a deadline, or pick common promises, measures and indicators from the starter set.</source>
        <translation>Planen är tom. Börja med ett löfte (vem som lovar vad) och lägg till dess åtgärder, var och en med ansvarig och slutdatum, eller välj vanliga löften, åtgärder och indikatorer ur startpaketet.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong that the program did not expect. What you just did may not have been saved; what was saved before is safe.

The details are written to the log. Copy them and send them to whoever supports the program.</source>
        <translation>Något gick fel som programmet inte räknade med. Det du nyss gjorde kanske inte sparades; det som sparats tidigare finns kvar.

Detaljerna har skrivits till loggen. Kopiera dem och skicka dem till den som ger support för programmet.</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Tid: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Felmeddelande</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detaljer om felet</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Visa &amp;detaljer</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Visa detaljer</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopiera detaljer</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Kopiera detaljer</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard (Ctrl+Shift+C)</source>
        <translation>Kopiera detaljerna till urklipp (Ctrl+Skift+C)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Öppna &amp;loggmappen</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Öppna loggmappen</translation>
    </message>
    <message>
        <source>&amp;Copied</source>
        <translation>&amp;Kopierat</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Dölj &amp;detaljer</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Export (JSON)</source>
        <extracomment>Agreements were imported (argument: their ids, the first the one to select).</extracomment>
        <translation>Exportera (JSON)</translation>
    </message>
    <message>
        <source>Select the agreement to export first.</source>
        <translation>Välj först överenskommelsen som ska exporteras.</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>överenskommelse</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>%1 exported to %2</source>
        <translation>%1 exporterades till %2</translation>
    </message>
    <message>
        <source>Import (JSON)</source>
        <translation>Importera (JSON)</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-filer (*.json);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Problems found in %1: %2</source>
        <translation>Antal fel i %1: %2</translation>
    </message>
    <message>
        <source>Imported from %1: %2</source>
        <translation>Importerat från %1: %2</translation>
    </message>
    <message>
        <source>Export measures to Excel</source>
        <translation>Exportera åtgärder till Excel</translation>
    </message>
    <message>
        <source>Export measures as CSV</source>
        <translation>Exportera åtgärder som CSV</translation>
    </message>
    <message>
        <source>%1 measures</source>
        <translation>%1 åtgärder</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>åtgärder</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Measures exported to %1</source>
        <translation>Åtgärderna exporterades till %1</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Change finding</source>
        <translation>Ändra iakttagelse</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>Ny iakttagelse</translation>
    </message>
    <message>
        <source>What was found, and where</source>
        <translation>Vad som iakttogs, och var</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>&amp;Iakttagelse:</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Vad som iakttogs</translation>
    </message>
    <message>
        <source>e.g. The footpath by Hagalund park</source>
        <translation>t.ex. Gångvägen vid Hagalundsparken</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(ingen ägare)</translation>
    </message>
    <message>
        <source>Why the finding was declined</source>
        <translation>Varför iakttagelsen avböjdes</translation>
    </message>
    <message>
        <source>e.g. 57.70, 11.97 or 57,70 11,97</source>
        <translation>t.ex. 57.70, 11.97 eller 57,70 11,97</translation>
    </message>
    <message>
        <source>Latitude and longitude in WGS84 decimal degrees, as map sites show them. Leave empty if not known.</source>
        <translation>Latitud och longitud i WGS84, i decimala grader som kartsajter visar dem. Lämna tomt om de inte är kända.</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plats:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>Ä&amp;gare:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Dealt with on:</source>
        <translation>&amp;Hanterad den:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Skä&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Coordinates:</source>
        <translation>&amp;Koordinater:</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <source>Finding</source>
        <translation>Iakttagelse</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>The measure the finding was made into</source>
        <translation>Åtgärden som iakttagelsen gjordes till</translation>
    </message>
    <message>
        <source>Not made into a measure yet</source>
        <translation>Inte gjord till åtgärd ännu</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open, dealt with or declined, and when</source>
        <translation>Öppen, åtgärdad eller avböjd, och när</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Ägare: %1</translation>
    </message>
    <message>
        <source>%1
Reason: %2</source>
        <translation>%1
Skäl: %2</translation>
    </message>
</context>
<context>
    <name>FocusAreaForm</name>
    <message>
        <source>Change focus area</source>
        <translation>Ändra fokusområde</translation>
    </message>
    <message>
        <source>New focus area</source>
        <translation>Nytt fokusområde</translation>
    </message>
    <message>
        <source>e.g. Hagalund, Young people at risk, Traffic</source>
        <translation>t.ex. Hagalund, Ungdomar i riskzonen, Trafik</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
</context>
<context>
    <name>FocusAreaListDialog</name>
    <message>
        <source>Focus areas</source>
        <translation>Fokusområden</translation>
    </message>
    <message>
        <source>Focus areas of the agreement</source>
        <translation>Överenskommelsens fokusområden</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nytt…</translation>
    </message>
    <message>
        <source>New focus area</source>
        <translation>Nytt fokusområde</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Byt namn…</translation>
    </message>
    <message>
        <source>Rename focus area</source>
        <translation>Byt namn på fokusområde</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Delete focus area</source>
        <translation>Ta bort fokusområde</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Flytta n&amp;er</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The agreement is signed: its focus areas cannot be changed. Start a new revision to change them.</source>
        <translation>Överenskommelsen är undertecknad: dess fokusområden kan inte ändras. Starta en ny revision för att ändra dem.</translation>
    </message>
    <message>
        <source>Deleting a focus area leaves its measures without one; undo gives it back to them.</source>
        <translation>En åtgärd vars fokusområde tas bort blir utan fokusområde; Ångra ger tillbaka det.</translation>
    </message>
</context>
<context>
    <name>FollowUpCommands</name>
    <message>
        <source>follow up «%1» for %2</source>
        <translation>följ upp «%1» för %2</translation>
    </message>
    <message>
        <source>copy the previous period&apos;s status into %1 (1 measure)</source>
        <extracomment>The follow-up as this command last left it: its id and version (None and 0: none).</extracomment>
        <translation>kopiera förra periodens status till %1 (1 åtgärd)</translation>
    </message>
    <message>
        <source>copy the previous period&apos;s status into %1 (%2 measures)</source>
        <translation>kopiera förra periodens status till %1 (%2 åtgärder)</translation>
    </message>
    <message>
        <source>read report packs for %1 (%2 follow-ups)</source>
        <translation>läs in rapportunderlag för %1 (%2 uppföljningar)</translation>
    </message>
</context>
<context>
    <name>FollowUpConflict</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Traffic light</source>
        <translation>Trafikljus</translation>
    </message>
    <message>
        <source>Achieved so far</source>
        <translation>Utfall hittills</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>The follow-up of «%1» for %2</source>
        <translation>Uppföljningen av «%1» för %2</translation>
    </message>
</context>
<context>
    <name>FollowUpDelegate</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Traffic light</source>
        <translation>Trafikljus</translation>
    </message>
    <message>
        <source>Achieved (count)</source>
        <translation>Utfall (antal)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Enter saves, Shift+Enter starts a new line, Esc leaves it as it was</source>
        <translation>Enter sparar, Skift+Enter ger en ny rad, Esc lämnar den som den var</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <source>Follow-up %1</source>
        <extracomment>save(values, expected_version) → the saved record; raises ValidationError or ServiceError. Asked after a conflict: the follow-up as it is now (None: there is none). The follow-up a save replaces (None: there is none), and its version.</extracomment>
        <translation>Uppföljning %1</translation>
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
        <source>Achieved (count)</source>
        <translation>Utfall (antal)</translation>
    </message>
    <message>
        <source>of %1 %2</source>
        <translation>av %1 %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Traffic light:</source>
        <translation>&amp;Trafikljus:</translation>
    </message>
    <message>
        <source>&amp;Achieved:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>S&amp;para</translation>
    </message>
    <message>
        <source>Save (Ctrl+S or Ctrl+Enter)</source>
        <translation>Spara (Ctrl+S eller Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save again to replace it with what you typed.</source>
        <translation>Spara igen för att ersätta den med det du skrev.</translation>
    </message>
    <message>
        <source>&amp;Achieved so far:</source>
        <translation>&amp;Utfall hittills:</translation>
    </message>
    <message>
        <source>Occurrences are logged for the period: they count, not the figure typed.</source>
        <translation>Tillfällen är loggade för perioden: de räknas, inte den inskrivna siffran.</translation>
    </message>
    <message>
        <source>Nothing was saved; what you typed is still in the form.</source>
        <translation>Ingenting sparades; det du skrev finns kvar i formuläret.</translation>
    </message>
    <message>
        <source>Their version is in the form now; nothing was saved.</source>
        <translation>Deras version finns nu i formuläret; ingenting sparades.</translation>
    </message>
</context>
<context>
    <name>FollowUpGridModel</name>
    <message>
        <source>%1 of %2</source>
        <extracomment>The measure&apos;s id (int) on every cell of a measure row; None on group rows. The period label (str) of a period cell; None elsewhere. The cell&apos;s FollowUpRecord, or None. True on group rows. The roles a cell&apos;s delegate paints (``FollowUpGridModel._painted`` has those the grid fills: never an alignment or a check box).</extracomment>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>%1: no follow-up</source>
        <translation>%1: ingen uppföljning</translation>
    </message>
    <message>
        <source>traffic light %1</source>
        <translation>trafikljus %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no follow-up recorded. Press Enter to record one.</source>
        <translation>%1: ingen uppföljning registrerad. Tryck Enter för att registrera en.</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Traffic light: %1</source>
        <translation>Trafikljus: %1</translation>
    </message>
    <message>
        <source>Achieved: %1 %2</source>
        <translation>Utfall: %1 %2</translation>
    </message>
    <message>
        <source>%1 promise: %2</source>
        <translation>%1 lovar: %2</translation>
    </message>
    <message>
        <source>Without focus area</source>
        <translation>Utan fokusområde</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>%1 (current period)</source>
        <translation>%1 (innevarande period)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (försenad)</translation>
    </message>
    <message>
        <source>Responsible: %1</source>
        <translation>Ansvarig: %1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Klart senast: %1</translation>
    </message>
    <message>
        <source>Target: %1 %2</source>
        <translation>Mål: %1 %2</translation>
    </message>
    <message>
        <source>Overdue: the deadline has passed and the measure is not finished.</source>
        <translation>Försenad: sista dagen har passerat och åtgärden är inte klar.</translation>
    </message>
    <message>
        <source>Period</source>
        <extracomment>Each measure&apos;s search text (casefolded title, description, responsible and comments, one per line) and latest follow-up, by measure id: read from the grid once. The (group, row) of each measure that passed, and the filters that chose them. Every measure&apos;s (group, row) and search text, in order (from ``_rows_search``). &quot;Not read yet&quot; in the latest follow-up cache (None there means &quot;no follow-up&quot;).</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Trafikljus</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Traffic light for %1</source>
        <translation>Trafikljus för %1</translation>
    </message>
    <message>
        <source>Count achieved so far (the running total) as of %1</source>
        <translation>Utfall hittills (löpande summa) per %1</translation>
    </message>
    <message>
        <source>Comment for %1</source>
        <translation>Kommentar för %1</translation>
    </message>
    <message>
        <source>%1: traffic light %2</source>
        <translation>%1: trafikljus %2</translation>
    </message>
    <message>
        <source>%1: count %2</source>
        <translation>%1: antal %2</translation>
    </message>
    <message>
        <source>%1: comment %2</source>
        <translation>%1: kommentar %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inget</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Title, description or comment</source>
        <extracomment>What the grid shows: a change to any other table leaves it as it is.</extracomment>
        <translation>Titel, beskrivning eller kommentar</translation>
    </message>
    <message>
        <source>Search measures</source>
        <translation>Sök åtgärder</translation>
    </message>
    <message>
        <source>Filter by latest status</source>
        <translation>Filtrera på senaste status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Not followed up</source>
        <translation>Inte uppföljd</translation>
    </message>
    <message>
        <source>Filter by latest traffic light</source>
        <translation>Filtrera på senaste trafikljus</translation>
    </message>
    <message>
        <source>All lights</source>
        <translation>Alla trafikljus</translation>
    </message>
    <message>
        <source>Filter by party or responsible</source>
        <translation>Filtrera på part eller ansvarig</translation>
    </message>
    <message>
        <source>Only o&amp;verdue</source>
        <translation>Endast &amp;försenade</translation>
    </message>
    <message>
        <source>Only overdue measures</source>
        <translation>Endast försenade åtgärder</translation>
    </message>
    <message>
        <source>Group measures by</source>
        <translation>Gruppera åtgärderna efter</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Löfte</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Follow-up of the measures by period</source>
        <translation>Uppföljning av åtgärderna per period</translation>
    </message>
    <message>
        <source>History of the selected measure</source>
        <translation>Historik för den valda åtgärden</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>S&amp;ök:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Light:</source>
        <translation>T&amp;rafikljus:</translation>
    </message>
    <message>
        <source>&amp;Party:</source>
        <translation>&amp;Part:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppera efter:</translation>
    </message>
    <message>
        <source>&amp;Follow up…</source>
        <translation>Följ &amp;upp…</translation>
    </message>
    <message>
        <source>Record or change the follow-up of the selected cell</source>
        <translation>Registrera eller ändra uppföljningen i den valda cellen</translation>
    </message>
    <message>
        <source>&amp;Copy previous period&apos;s status</source>
        <translation>&amp;Kopiera förra periodens status</translation>
    </message>
    <message>
        <source>Copy the status, light and count of the period before into the chosen period, for the selected measures</source>
        <translation>Kopiera status, trafikljus och antal från perioden före till den valda perioden, för de valda åtgärderna</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>Visa &amp;historik</translation>
    </message>
    <message>
        <source>Show the selected measure&apos;s follow-ups, newest first</source>
        <translation>Visa den valda åtgärdens uppföljningar, den senaste först</translation>
    </message>
    <message>
        <source>Select a measure to see its follow-ups.</source>
        <translation>Välj en åtgärd för att se dess uppföljningar.</translation>
    </message>
    <message>
        <source>Earlier: %1 (%2 – %3)</source>
        <translation>Tidigare: %1 (%2 – %3)</translation>
    </message>
    <message>
        <source>No follow-up recorded.</source>
        <translation>Ingen uppföljning registrerad.</translation>
    </message>
    <message>
        <source>No follow-up recorded yet.</source>
        <translation>Ingen uppföljning registrerad än.</translation>
    </message>
    <message>
        <source>count %1</source>
        <translation>antal %1</translation>
    </message>
    <message>
        <source>%1 of %2 measures shown</source>
        <translation>%1 av %2 åtgärder visas</translation>
    </message>
    <message>
        <source>All parties</source>
        <translation>Alla parter</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Copied the previous period&apos;s status into %1 for %2 measure(s); skipped %3 without a follow-up the period before.</source>
        <translation>Förra periodens status kopierades till %1 för %2 åtgärd(er); %3 utan uppföljning perioden före hoppades över.</translation>
    </message>
    <message>
        <source>Copied the previous period&apos;s status into %1 for %2 measure(s).</source>
        <translation>Förra periodens status kopierades till %1 för %2 åtgärd(er).</translation>
    </message>
    <message>
        <source>&amp;Send out report packs…</source>
        <translation>&amp;Skicka ut rapportunderlag…</translation>
    </message>
    <message>
        <source>Write an Excel workbook per owner with their measures, for them to fill in and send back</source>
        <translation>Skriv en Excel-arbetsbok per ansvarig med dess åtgärder, att fylla i och skicka tillbaka</translation>
    </message>
    <message>
        <source>&amp;Read report packs…</source>
        <translation>&amp;Läs in rapportunderlag…</translation>
    </message>
    <message>
        <source>Read in the report packs the owners filled in: a preview of every change first</source>
        <translation>Läs in rapportunderlagen som de ansvariga fyllt i: först en förhandsgranskning av varje ändring</translation>
    </message>
    <message>
        <source>Read report packs</source>
        <translation>Läs in rapportunderlag</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>Read in %1 follow-up(s) from %2 report pack(s).</source>
        <translation>Läste in %1 uppföljningar från %2 rapportunderlag.</translation>
    </message>
    <message>
        <source>Backup from before: %1</source>
        <translation>Säkerhetskopia från före: %1</translation>
    </message>
    <message>
        <source>Period to follow up in the grid</source>
        <translation>Period att följa upp i tabellen</translation>
    </message>
    <message>
        <source>The period whose status, light, count and comment you type into</source>
        <translation>Perioden vars status, trafikljus, antal och kommentar du skriver in direkt i tabellen</translation>
    </message>
    <message>
        <source>F&amp;ollow up:</source>
        <translation>Följ &amp;upp:</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>Kopiera &amp;rader</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header row (Excel pastes it into columns)</source>
        <translation>Kopiera de markerade raderna som tabbseparerad text med rubrikrad (Excel klistrar in den i kolumner)</translation>
    </message>
    <message>
        <source>Set &amp;status of selected</source>
        <translation>Sätt &amp;status för markerade</translation>
    </message>
    <message>
        <source>Set traffic &amp;light of selected</source>
        <translation>Sätt trafik&amp;ljus för markerade</translation>
    </message>
    <message>
        <source>Set the status of every selected measure in the period, as one step to undo</source>
        <translation>Sätt status för alla markerade åtgärder i perioden, som ett steg att ångra</translation>
    </message>
    <message>
        <source>Set the traffic light of every selected measure in the period, as one step to undo</source>
        <translation>Sätt trafikljus för alla markerade åtgärder i perioden, som ett steg att ångra</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
    <message>
        <source>set status «%1» of %2 measures in %3</source>
        <translation>sätt status «%1» för %2 åtgärder i %3</translation>
    </message>
    <message>
        <source>set traffic light «%1» of %2 measures in %3</source>
        <translation>sätt trafikljus «%1» för %2 åtgärder i %3</translation>
    </message>
    <message>
        <source>follow up %1 measures in %2</source>
        <translation>följ upp %1 åtgärder i %2</translation>
    </message>
    <message>
        <source>Copied %1 row(s): paste them into Excel or Word.</source>
        <translation>Kopierade %1 rad(er): klistra in dem i Excel eller Word.</translation>
    </message>
    <message>
        <source>&amp;Reminders…</source>
        <translation>&amp;Påminnelser…</translation>
    </message>
    <message>
        <source>Ready e-mails to the contact persons who have something due, and a calendar file</source>
        <translation>Färdiga e-postmeddelanden till kontaktpersonerna som har något att rapportera, och en kalenderfil</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
</context>
<context>
    <name>ImportErrorTableModel</name>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Rad %1</translation>
    </message>
    <message>
        <source>The whole file</source>
        <translation>Hela filen</translation>
    </message>
    <message>
        <source>The whole row</source>
        <translation>Hela raden</translation>
    </message>
</context>
<context>
    <name>ImportRowTableModel</name>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Ersätter</translation>
    </message>
    <message>
        <source>The stored value the imported one replaces</source>
        <translation>Det sparade värde som det importerade ersätter</translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <source>Chart of the selected indicator</source>
        <extracomment>Every point is labelled with its value up to this many periods.</extracomment>
        <translation>Diagram över den valda indikatorn</translation>
    </message>
    <message>
        <source>Choose an indicator to see its values.</source>
        <translation>Välj en indikator för att se dess värden.</translation>
    </message>
    <message>
        <source>No values yet. Add them in the indicator register or import them from a file.</source>
        <translation>Inga värden ännu. Lägg till dem i indikatorregistret eller importera dem från en fil.</translation>
    </message>
    <message>
        <source>Baseline %1 (%2)</source>
        <translation>Utgångsläge %1 (%2)</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>Utgångsläge %1</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Mål %1</translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <source>Change indicator</source>
        <translation>Ändra indikator</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>Ny indikator</translation>
    </message>
    <message>
        <source>e.g. Reported crime, Safety</source>
        <translation>t.ex. Anmälda brott, Trygghet</translation>
    </message>
    <message>
        <source>e.g. %, number, per 100 000 inhabitants</source>
        <translation>t.ex. %, antal, per 100 000 invånare</translation>
    </message>
    <message>
        <source>Empty: the whole municipality</source>
        <translation>Tomt: hela kommunen</translation>
    </message>
    <message>
        <source>Values for women and men as well</source>
        <translation>Värden även för kvinnor och män</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>Ka&amp;tegori:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Källa:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Riktning:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Område:</translation>
    </message>
    <message>
        <source>By &amp;sex:</source>
        <translation>Uppdelad på k&amp;ön:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
</context>
<context>
    <name>IndicatorImportDialog</name>
    <message>
        <source>Importing the values…</source>
        <translation>Importerar värdena…</translation>
    </message>
    <message>
        <source>Import indicator values from %1</source>
        <extracomment>The window&apos;s runner: the import runs off the GUI thread and its changes reach the pages.</extracomment>
        <translation>Importera indikatorvärden från %1</translation>
    </message>
    <message>
        <source>What the import does</source>
        <translation>Vad importen gör</translation>
    </message>
    <message>
        <source>Values in the file</source>
        <translation>Värden i filen</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Fel i filen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The file has 1 problem and cannot be imported. Nothing has been changed. Correct the file and import it again.</source>
        <translation>Filen har 1 fel och kan inte importeras. Ingenting har ändrats. Rätta filen och importera den igen.</translation>
    </message>
    <message>
        <source>The file has %1 problems and cannot be imported. Nothing has been changed. Correct the file and import it again.</source>
        <translation>Filen har %1 fel och kan inte importeras. Ingenting har ändrats. Rätta filen och importera den igen.</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>De första %1 visas.</translation>
    </message>
</context>
<context>
    <name>IndicatorLinkTableModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Utgångsläge</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>Senaste värde</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Utveckling</translation>
    </message>
    <message>
        <source>The value the agreement starts from, and its period</source>
        <translation>Värdet som överenskommelsen utgår från, och dess period</translation>
    </message>
    <message>
        <source>The value the agreement aims for</source>
        <translation>Värdet som överenskommelsen siktar mot</translation>
    </message>
    <message>
        <source>The latest value (everyone), and its period</source>
        <translation>Det senaste värdet (alla), och dess period</translation>
    </message>
    <message>
        <source>The latest value against the baseline, in the direction that is better</source>
        <translation>Det senaste värdet jämfört med utgångsläget, i den riktning som är bättre</translation>
    </message>
    <message>
        <source>%1, target reached</source>
        <translation>%1, målet nått</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Change since the baseline: %1 (%2 → %3)</source>
        <translation>Förändring sedan utgångsläget: %1 (%2 → %3)</translation>
    </message>
    <message>
        <source>No baseline yet.</source>
        <translation>Inget utgångsläge ännu.</translation>
    </message>
    <message>
        <source>No value after the baseline&apos;s period yet.</source>
        <translation>Inget värde efter utgångslägets period ännu.</translation>
    </message>
    <message>
        <source>The target is reached.</source>
        <translation>Målet är nått.</translation>
    </message>
    <message>
        <source>The target is not reached yet.</source>
        <translation>Målet är inte nått ännu.</translation>
    </message>
</context>
<context>
    <name>IndicatorRegisterDialog</name>
    <message>
        <source>Indicator register</source>
        <translation>Indikatorregister</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Värden</translation>
    </message>
    <message>
        <source>&amp;New indicator…</source>
        <translation>&amp;Ny indikator…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>&amp;Add value…</source>
        <translation>&amp;Lägg till värde…</translation>
    </message>
    <message>
        <source>C&amp;hange value…</source>
        <translation>Ändra &amp;värde…</translation>
    </message>
    <message>
        <source>&amp;Remove value</source>
        <translation>Ta bort vä&amp;rde</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
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
        <source>Values of %1</source>
        <translation>Värden för %1</translation>
    </message>
    <message>
        <source>Delete indicator</source>
        <translation>Ta bort indikator</translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation>Ta bort värde</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>Uppdelad på kön</translation>
    </message>
    <message>
        <source>Whole municipality</source>
        <translation>Hela kommunen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>IndicatorValueTableModel</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Municipal company</source>
        <translation>Kommunalt bolag</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polis</translation>
    </message>
    <message>
        <source>State agency</source>
        <translation>Statlig myndighet</translation>
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
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Dealt with</source>
        <translation>Åtgärdad</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Avböjd</translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>Change baseline and target</source>
        <translation>Ändra utgångsläge och mål</translation>
    </message>
    <message>
        <source>Follow an indicator</source>
        <translation>Följ en indikator</translation>
    </message>
    <message>
        <source>e.g. 2021</source>
        <translation>t.ex. 2021</translation>
    </message>
    <message>
        <source>Empty: the indicator&apos;s value for that period</source>
        <translation>Tomt: indikatorns värde för den perioden</translation>
    </message>
    <message>
        <source>e.g. At least two out of three feel safe</source>
        <translation>t.ex. Minst två av tre känner sig trygga</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Indikator:</translation>
    </message>
    <message>
        <source>Baseline &amp;period:</source>
        <translation>Utgångsläge, &amp;period:</translation>
    </message>
    <message>
        <source>Baseline &amp;value:</source>
        <translation>Utgångsläge, &amp;värde:</translation>
    </message>
    <message>
        <source>&amp;Target value:</source>
        <translation>&amp;Målvärde:</translation>
    </message>
    <message>
        <source>Target in &amp;words:</source>
        <translation>Mål i &amp;text:</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Enhet: %1</translation>
    </message>
    <message>
        <source>Choose the indicator to follow.</source>
        <translation>Indikator: välj vilken indikator som ska följas.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>HH:mm</source>
        <translation>HH.mm</translation>
    </message>
    <message>
        <source>Changed by others while the connection was lost, last at %1</source>
        <translation>Ändrat av andra under avbrottet, senast kl. %1</translation>
    </message>
    <message>
        <source>Saved by others in the shared database while the connection was lost, last on %1 at %2. The pages show it.</source>
        <translation>Sparat av andra i den delade databasen medan förbindelsen var bruten, senast den %1 kl. %2. Sidorna visar det.</translation>
    </message>
    <message>
        <source>Changed by %1 at %2</source>
        <translation>Ändrat av %1 kl. %2</translation>
    </message>
    <message>
        <source>Saved by %1 in the shared database on %2 at %3. The pages show it.</source>
        <translation>Sparat av %1 i den delade databasen den %2 kl. %3. Sidorna visar det.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Medborgarlöften</source>
        <translation>Medborgarlöften</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Överenskommelser</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <extracomment>What this module offers by name but loads only when first used (PEP 562): the dialogs and the services behind the window&apos;s own actions are not needed for the first window. The keys of standard actions on platforms that have none for them. Tables the agreement list and the heading above the pages show. The database&apos;s start-up check failed (the AppError it raised): ui/shell/app.py offers the restore. The pages are built (``complete``): the window is whole.</extracomment>
        <translation>Kontrollerar databasen…</translation>
    </message>
    <message>
        <source>Nothing can be saved until the check has passed.</source>
        <translation>Ingenting kan sparas förrän kontrollen är klar.</translation>
    </message>
    <message>
        <source>Pages of the agreement</source>
        <extracomment>The one undo stack, and the runner every user action goes through (ui/common/operations.py).</extracomment>
        <translation>Överenskommelsens sidor</translation>
    </message>
    <message>
        <source>Situation and indicators</source>
        <translation>Lägesbild och indikatorer</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Medborgarlöften (read-only)</source>
        <translation>Medborgarlöften (skrivskyddad)</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Skrivskyddad: %1</translation>
    </message>
    <message>
        <source>read</source>
        <translation>läsa</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>redigera</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>underteckna</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>ägare</translation>
    </message>
    <message>
        <source>Connected as %1 (%2)</source>
        <translation>Ansluten som %1 (%2)</translation>
    </message>
    <message>
        <source>Signing and adopting needs the role %1.</source>
        <translation>Att underteckna och fastställa kräver rollen %1.</translation>
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
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Every change is saved as you make it; nothing needs saving. A backup: File → Back up now.</source>
        <translation>Varje ändring sparas när du gör den; inget behöver sparas. Säkerhetskopia: Arkiv → Säkerhetskopiera nu.</translation>
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
        <source>Search agreements…</source>
        <translation>Sök överenskommelse…</translation>
    </message>
    <message>
        <source>Search agreements</source>
        <translation>Sök bland överenskommelserna</translation>
    </message>
    <message>
        <source>Overview</source>
        <extracomment>The agreement the window shows; a page reads it when it is shown (``_page_shown``).</extracomment>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Parties and signatories</source>
        <translation>Parter och undertecknare</translation>
    </message>
    <message>
        <source>All measures</source>
        <translation>Alla åtgärder</translation>
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
        <translation>&amp;Överenskommelse</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>&amp;Ny överenskommelse…</translation>
    </message>
    <message>
        <source>A new, empty agreement (a draft)</source>
        <translation>En ny, tom överenskommelse (ett utkast)</translation>
    </message>
    <message>
        <source>New agreement from &amp;last year&apos;s…</source>
        <translation>Ny överenskommelse från &amp;förra årets…</translation>
    </message>
    <message>
        <source>Copy parties, promises and unfinished measures of the selected agreement into a new one</source>
        <translation>Kopiera parter, löften och oavslutade åtgärder från den valda överenskommelsen till en ny</translation>
    </message>
    <message>
        <source>Agreement &amp;details…</source>
        <translation>&amp;Uppgifter om överenskommelsen…</translation>
    </message>
    <message>
        <source>Title, dates, reporting periods, text sections and goals</source>
        <translation>Titel, datum, uppföljningsperioder, textavsnitt och mål</translation>
    </message>
    <message>
        <source>F&amp;ollow-up</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>&amp;Lägesbild</translation>
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
        <source>&amp;People…</source>
        <translation>P&amp;ersoner…</translation>
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
        <source>The program&apos;s version</source>
        <translation>Programmets version</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Öppna &amp;loggmappen</translation>
    </message>
    <message>
        <source>The folder of the program&apos;s log, for whoever supports it</source>
        <translation>Mappen med programmets logg, för den som ger support</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Ny databas…</translation>
    </message>
    <message>
        <source>Create a new, empty database file and work in it</source>
        <translation>Skapa en ny, tom databasfil och arbeta i den</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Öppna databas…</translation>
    </message>
    <message>
        <source>Work in another database file</source>
        <translation>Arbeta i en annan databasfil</translation>
    </message>
    <message>
        <source>&amp;Import (JSON)…</source>
        <translation>&amp;Importera (JSON)…</translation>
    </message>
    <message>
        <source>Import agreements from a file in the exchange format (all or nothing)</source>
        <translation>Importera överenskommelser från en fil i utbytesformatet (allt eller inget)</translation>
    </message>
    <message>
        <source>&amp;Export (JSON)…</source>
        <translation>&amp;Exportera (JSON)…</translation>
    </message>
    <message>
        <source>Export the selected agreement with everything under it in the exchange format</source>
        <translation>Exportera den valda överenskommelsen med allt under den i utbytesformatet</translation>
    </message>
    <message>
        <source>Make a checked backup of the database now</source>
        <translation>Gör en kontrollerad säkerhetskopia av databasen nu</translation>
    </message>
    <message>
        <source>Replace the database with one of its backups</source>
        <translation>Ersätt databasen med en av dess säkerhetskopior</translation>
    </message>
    <message>
        <source>&amp;Check the database…</source>
        <translation>&amp;Kontrollera databasen…</translation>
    </message>
    <message>
        <source>Check that the database is what the program wrote, also against printouts</source>
        <translation>Kontrollera att databasen är den som programmet skrev, också mot utskrifter</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Öppna &amp;datamappen</translation>
    </message>
    <message>
        <source>Show the folder of the open database</source>
        <translation>Visa mappen där den öppna databasen ligger</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Inställnin&amp;gar…</translation>
    </message>
    <message>
        <source>The program&apos;s language, and where its files are</source>
        <translation>Programmets språk, och var dess filer finns</translation>
    </message>
    <message>
        <source>The language changes to %1 when the program is started again.</source>
        <translation>Språket byts till %1 när programmet startas nästa gång.</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>Ra&amp;pporter</translation>
    </message>
    <message>
        <source>&amp;Follow-up report…</source>
        <translation>&amp;Uppföljningsrapport…</translation>
    </message>
    <message>
        <source>A report on the measures for one reporting period</source>
        <translation>En rapport om åtgärderna under en uppföljningsperiod</translation>
    </message>
    <message>
        <source>&amp;Annual report…</source>
        <translation>&amp;Årsrapport…</translation>
    </message>
    <message>
        <source>A report over every period of the agreement</source>
        <translation>En rapport över överenskommelsens alla perioder</translation>
    </message>
    <message>
        <source>Export measures to &amp;Excel…</source>
        <translation>Exportera åtgärder till &amp;Excel…</translation>
    </message>
    <message>
        <source>The measures and their follow-ups as an Excel workbook</source>
        <translation>Åtgärderna och deras uppföljningar som Excel-arbetsbok</translation>
    </message>
    <message>
        <source>Export measures as &amp;CSV…</source>
        <translation>Exportera åtgärder som &amp;CSV…</translation>
    </message>
    <message>
        <source>The measures and their follow-ups as a CSV file</source>
        <translation>Åtgärderna och deras uppföljningar som CSV-fil</translation>
    </message>
    <message>
        <source>Create report</source>
        <translation>Skapa rapport</translation>
    </message>
    <message>
        <source>Import an agreement (File → Import (JSON)…) or load the demo data (promises-app demo).</source>
        <translation>Importera en överenskommelse (Arkiv → Importera (JSON)…) eller läs in demodata (promises-app demo).</translation>
    </message>
    <message>
        <source>Pla&amp;n</source>
        <translation>Pla&amp;n</translation>
    </message>
    <message>
        <source>No agreements yet</source>
        <translation>Inga överenskommelser ännu</translation>
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
    <message>
        <source>&amp;Publish for citizens…</source>
        <translation>&amp;Publicera för medborgarna…</translation>
    </message>
    <message>
        <source>A page for the municipality&apos;s website, the follow-up report and open data, in one folder</source>
        <translation>En sida för kommunens webbplats, uppföljningsrapporten och öppna data, i en mapp</translation>
    </message>
    <message>
        <source>Publish for citizens</source>
        <translation>Publicera för medborgarna</translation>
    </message>
    <message>
        <source>&amp;Print agreement…</source>
        <translation>Skriv &amp;ut överenskommelsen…</translation>
    </message>
    <message>
        <source>Print the selected agreement&apos;s document (on the Versions page: the selected revision)</source>
        <translation>Skriv ut den valda överenskommelsens dokument (på sidan Versioner: den valda revisionen)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Användarguide</translation>
    </message>
    <message>
        <source>The first steps: database, agreement, parties, plan, follow-up, reports, sign-off, backups</source>
        <translation>De första stegen: databas, överenskommelse, parter, plan, uppföljning, rapporter, undertecknande, säkerhetskopior</translation>
    </message>
    <message>
        <source>Connect to s&amp;hared database…</source>
        <translation>&amp;Anslut till delad databas…</translation>
    </message>
    <message>
        <source>Work in the municipality&apos;s shared database on a PostgreSQL server</source>
        <translation>Arbeta i kommunens delade databas på en PostgreSQL-server</translation>
    </message>
    <message>
        <source>Medborgarlöften – %1</source>
        <translation>Medborgarlöften – %1</translation>
    </message>
    <message>
        <source>Medborgarlöften – %1 (read-only)</source>
        <translation>Medborgarlöften – %1 (skrivskyddad)</translation>
    </message>
</context>
<context>
    <name>MakeMeasureDialog</name>
    <message>
        <source>Make into measure</source>
        <translation>Gör till åtgärd</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Iakttagelse:</translation>
    </message>
    <message>
        <source>&amp;Promise:</source>
        <translation>&amp;Löfte:</translation>
    </message>
    <message>
        <source>&amp;Title of the measure:</source>
        <translation>Åtgärdens &amp;rubrik:</translation>
    </message>
    <message>
        <source>The finding&apos;s text becomes the measure&apos;s description and the problem it addresses.</source>
        <translation>Iakttagelsens text blir åtgärdens beskrivning och det problem som åtgärden ska lösa.</translation>
    </message>
    <message>
        <source>&amp;Make measure</source>
        <translation>&amp;Skapa åtgärd</translation>
    </message>
    <message>
        <source>The agreement has no promises yet: add the promise the measure belongs to first.</source>
        <translation>Överenskommelsen har inga löften ännu: lägg först till löftet som åtgärden hör till.</translation>
    </message>
</context>
<context>
    <name>MeasureForm</name>
    <message>
        <source>New pers&amp;on…</source>
        <translation>Ny pers&amp;on…</translation>
    </message>
    <message>
        <source>Add a person to the register and make them the contact person</source>
        <translation>Lägg till en person i registret och gör den till kontaktperson</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Save and ne&amp;w</source>
        <translation>Spara och n&amp;y</translation>
    </message>
    <message>
        <source>Save this measure and start the next one under the same promise and focus area</source>
        <translation>Spara åtgärden och börja på nästa under samma löfte och fokusområde</translation>
    </message>
    <message>
        <source>Change measure %1</source>
        <extracomment>The most a counted target can be (domain validation&apos;s upper bound).</extracomment>
        <translation>Ändra åtgärd %1</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Ny åtgärd</translation>
    </message>
    <message>
        <source>What will be done, e.g. Four safety walks in Hagalund</source>
        <translation>Vad som ska göras, t.ex. Fyra trygghetsvandringar i Hagalund</translation>
    </message>
    <message>
        <source>The problem the measure addresses</source>
        <translation>Problemet som åtgärden ska lösa</translation>
    </message>
    <message>
        <source>(no focus area)</source>
        <translation>(inget fokusområde)</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(ingen än)</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Allow dates outside the agreement</source>
        <translation>Tillåt datum utanför överenskommelsen</translation>
    </message>
    <message>
        <source>The measure may start before or end after the agreement (%1 – %2)</source>
        <translation>Åtgärden får börja före eller sluta efter överenskommelsen (%1 – %2)</translation>
    </message>
    <message>
        <source>No counted target</source>
        <translation>Inget målvärde</translation>
    </message>
    <message>
        <source>e.g. safety walks</source>
        <translation>t.ex. trygghetsvandringar</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Promise:</source>
        <translation>&amp;Löfte:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>Problem or ca&amp;use:</source>
        <translation>&amp;Problem eller orsak:</translation>
    </message>
    <message>
        <source>&amp;Focus area:</source>
        <translation>&amp;Fokusområde:</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>&amp;Ansvarig:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>Also t&amp;aking part:</source>
        <translation>&amp;Deltar också:</translation>
    </message>
    <message>
        <source>Responsible for the measure</source>
        <translation>Ansvarig för åtgärden</translation>
    </message>
    <message>
        <source>Starts o&amp;n:</source>
        <translation>Sta&amp;rtdatum:</translation>
    </message>
    <message>
        <source>D&amp;eadline:</source>
        <translation>Klart s&amp;enast:</translation>
    </message>
    <message>
        <source>Counted tar&amp;get:</source>
        <translation>&amp;Målvärde:</translation>
    </message>
    <message>
        <source>Un&amp;it:</source>
        <translation>E&amp;nhet:</translation>
    </message>
    <message>
        <source>Occurrences (saved at once, each undoable)</source>
        <translation>Tillfällen (sparas direkt, vart och ett kan ångras)</translation>
    </message>
    <message>
        <source>(no contact person)</source>
        <translation>(ingen kontaktperson)</translation>
    </message>
    <message>
        <source>The measure «%1»</source>
        <translation>Åtgärden «%1»</translation>
    </message>
</context>
<context>
    <name>MeasureListModel</name>
    <message>
        <source>Days late</source>
        <translation>Dagar sen</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Senaste status</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Promise:</source>
        <translation>Löfte:</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <source>Measure</source>
        <extracomment>The raw value to sort by (dates as ISO text, so empty deadlines sort first). The row&apos;s shown texts joined and case-folded: what a filter matches against (any column). Rows handed to the view at a time (a screenful is about 20; the rest comes on scrolling). The roles this model answers; every other role (font, alignment, decoration …) is None at once.</extracomment>
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
        <translation>Klart senast</translation>
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
    <message>
        <source>Count achieved so far of the counted target, and in the current period</source>
        <translation>Antal hittills av målvärdet, och under innevarande period</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Measures to carry over</source>
        <translation>Åtgärder att föra över</translation>
    </message>
    <message>
        <source>Ticked measures are copied into the new agreement and linked to last year&apos;s, so their history can be shown. Finished ones are greyed.</source>
        <translation>Ikryssade åtgärder kopieras till den nya överenskommelsen och kopplas till förra årets, så att deras historik kan visas. Avslutade åtgärder är gråa.</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Kryssa &amp;alla</translation>
    </message>
    <message>
        <source>&amp;Unfinished only</source>
        <translation>Bara &amp;oavslutade</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>Kryssa i&amp;nga</translation>
    </message>
    <message>
        <source>What is copied</source>
        <translation>Det här kopieras</translation>
    </message>
    <message>
        <source>&amp;Measures:</source>
        <translation>&amp;Åtgärder:</translation>
    </message>
    <message>
        <source>Copied into the new draft:</source>
        <translation>Det här kopieras till det nya utkastet:</translation>
    </message>
    <message>
        <source>• Parties: %1 (%2)</source>
        <translation>• Parter: %1 (%2)</translation>
    </message>
    <message>
        <source>• Signatories: %1</source>
        <translation>• Undertecknare: %1</translation>
    </message>
    <message>
        <source>• Focus areas: %1</source>
        <translation>• Fokusområden: %1</translation>
    </message>
    <message>
        <source>• Promises: %1</source>
        <translation>• Löften: %1</translation>
    </message>
    <message>
        <source>• Measures: %1 of %2</source>
        <translation>• Åtgärder: %1 av %2</translation>
    </message>
    <message>
        <source>• The goals and texts, as a starting point to rewrite.</source>
        <translation>• Målen och texterna, som utgångspunkt att skriva om.</translation>
    </message>
    <message>
        <source>Not copied: follow-ups, the indicators, sources and safety walks of the situation, and the measures&apos; start and end dates (set new ones in the plan).</source>
        <translation>Kopieras inte: uppföljningar, lägesbildens indikatorer, källor och trygghetsvandringar, samt åtgärdernas start- och slutdatum (sätt nya i planen).</translation>
    </message>
</context>
<context>
    <name>NewAgreementWizard</name>
    <message>
        <source>Creating the agreement…</source>
        <translation>Skapar överenskommelsen…</translation>
    </message>
    <message>
        <source>New agreement from last year&apos;s: %1</source>
        <extracomment>The role holding a row&apos;s measure id. Fields shown on the details page; any other field&apos;s message goes with the measures. The promise column is cut to this width (its tooltip has the whole text).</extracomment>
        <translation>Ny överenskommelse från förra årets: %1</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>Löfte</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Senaste status</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Finished: not carried over unless you tick it.</source>
        <translation>Avslutad: förs inte över om du inte kryssar i den.</translation>
    </message>
    <message>
        <source>No follow-up</source>
        <translation>Ingen uppföljning</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New agreement from last year&apos;s</source>
        <translation>Ny överenskommelse från förra årets</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Bakåt</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Nästa &gt;</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Skapa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Kind: %1, a draft.</source>
        <translation>Typ: %1, ett utkast.</translation>
    </message>
    <message>
        <source>Kind: %1, a draft under «%2».</source>
        <translation>Typ: %1, ett utkast under «%2».</translation>
    </message>
</context>
<context>
    <name>OccurrenceForm</name>
    <message>
        <source>Change occurrence</source>
        <translation>Ändra tillfälle</translation>
    </message>
    <message>
        <source>Log an occurrence</source>
        <translation>Logga ett tillfälle</translation>
    </message>
    <message>
        <source>e.g. Hagalund centre</source>
        <translation>t.ex. Hagalund centrum</translation>
    </message>
    <message>
        <source>e.g. 14 took part; two dark paths reported</source>
        <translation>t.ex. 14 deltog; två mörka gångvägar rapporterades</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plats:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
</context>
<context>
    <name>OccurrenceLog</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Occurrences of the measure</source>
        <translation>Åtgärdens tillfällen</translation>
    </message>
    <message>
        <source>Log &amp;occurrence…</source>
        <translation>Logga t&amp;illfälle…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <source>Change occurrence</source>
        <translation>Ändra tillfälle</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Ta b&amp;ort</translation>
    </message>
    <message>
        <source>Delete occurrence</source>
        <translation>Ta bort tillfälle</translation>
    </message>
    <message>
        <source>Logged: %1 of %2 %3</source>
        <translation>Loggade: %1 av %2 %3</translation>
    </message>
    <message>
        <source>Logged: %1</source>
        <translation>Loggade: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Safety walks held for the agreement count as occurrences too, when this is its only measure counting safety walks.</source>
        <translation>Trygghetsvandringar som hållits för överenskommelsen räknas också som tillfällen, när detta är dess enda åtgärd som räknar trygghetsvandringar.</translation>
    </message>
</context>
<context>
    <name>OccurrenceLogDialog</name>
    <message>
        <source>Occurrences: %1</source>
        <translation>Tillfällen: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>OpenFindingModel</name>
    <message>
        <source>Finding</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Walk date</source>
        <translation>Vandringens datum</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Ingen ägare</translation>
    </message>
</context>
<context>
    <name>OptionalDateInput</name>
    <message>
        <source>No date</source>
        <translation>Inget datum</translation>
    </message>
    <message>
        <source>%1: no date</source>
        <translation>%1: inget datum</translation>
    </message>
    <message>
        <source>Type a date, or tick “No date”.</source>
        <translation>Skriv ett datum, eller kryssa i ”Inget datum”.</translation>
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
    <name>OverviewModels</name>
    <message>
        <source>No follow-up</source>
        <extracomment>The measure id of the row (lists) on every column. The row&apos;s record itself. Status colours (Okabe–Ito, told apart with colour blindness) and a pattern over some, for print. The order the chart stacks (from the bottom) and the legend lists: finished work first.</extracomment>
        <translation>Ingen uppföljning</translation>
    </message>
    <message>
        <source>No responsible party</source>
        <translation>Ingen ansvarig part</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overdue measures</source>
        <extracomment>Rows the lists&apos; columns are sized from (Qt&apos;s default is 1 000). The page&apos;s content never gets smaller than this; below it, the page scrolls. What the page shows: a change to any other table leaves it as it is. A measure the user wants to open (its id): Enter or a double-click on a list row.</extracomment>
        <translation>Försenade åtgärder</translation>
    </message>
    <message>
        <source>Measures due within %1 days</source>
        <translation>Åtgärder som förfaller inom %1 dagar</translation>
    </message>
    <message>
        <source>Measures lacking a follow-up for the current period</source>
        <translation>Åtgärder som saknar uppföljning för den pågående perioden</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>&amp;Försenade</translation>
    </message>
    <message>
        <source>&amp;Due within %1 days</source>
        <translation>Förfaller &amp;inom %1 dagar</translation>
    </message>
    <message>
        <source>&amp;Missing follow-up</source>
        <translation>&amp;Saknar uppföljning</translation>
    </message>
    <message>
        <source>Measures by status</source>
        <translation>Åtgärder per status</translation>
    </message>
    <message>
        <source>Measures by responsible party</source>
        <translation>Åtgärder per ansvarig part</translation>
    </message>
    <message>
        <source>&amp;Progress per reporting period</source>
        <translation>&amp;Utveckling per uppföljningsperiod</translation>
    </message>
    <message>
        <source>By s&amp;tatus</source>
        <translation>Per s&amp;tatus</translation>
    </message>
    <message>
        <source>By &amp;responsible party</source>
        <translation>Per &amp;ansvarig part</translation>
    </message>
    <message>
        <source>&amp;Open measure</source>
        <translation>&amp;Öppna åtgärd</translation>
    </message>
    <message>
        <source>Open the selected measure of the overview&apos;s lists</source>
        <translation>Öppna den markerade åtgärden i översiktens listor</translation>
    </message>
    <message>
        <source>&amp;Refresh overview</source>
        <translation>&amp;Läs in översikten igen</translation>
    </message>
    <message>
        <source>Read the overview again</source>
        <translation>Läs in översikten igen</translation>
    </message>
    <message>
        <source>Choose an agreement to see its overview.</source>
        <translation>Välj en överenskommelse för att se dess översikt.</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Läget %1</translation>
    </message>
    <message>
        <source>1 overdue</source>
        <translation>1 försenad</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 försenade</translation>
    </message>
    <message>
        <source>%1 due within %2 days</source>
        <translation>%1 förfaller inom %2 dagar</translation>
    </message>
    <message>
        <source>No reporting period running</source>
        <translation>Ingen pågående uppföljningsperiod</translation>
    </message>
    <message>
        <source>%1 lack a follow-up for %2</source>
        <translation>%1 saknar uppföljning för %2</translation>
    </message>
    <message>
        <source>&amp;Missing follow-up for %1</source>
        <translation>&amp;Saknar uppföljning för %1</translation>
    </message>
    <message>
        <source>No overdue measures.</source>
        <translation>Inga försenade åtgärder.</translation>
    </message>
    <message>
        <source>No measures are due within %1 days.</source>
        <translation>Inga åtgärder förfaller inom %1 dagar.</translation>
    </message>
    <message>
        <source>Today lies outside the agreement&apos;s period: no follow-up is due.</source>
        <translation>Dagens datum ligger utanför överenskommelsens period: ingen uppföljning väntas.</translation>
    </message>
    <message>
        <source>Every measure has its follow-up for %1.</source>
        <translation>Alla åtgärder har sin uppföljning för %1.</translation>
    </message>
    <message>
        <source>Findings from safety walks open for more than six months</source>
        <translation>Fynd från trygghetsvandringar som varit öppna mer än sex månader</translation>
    </message>
    <message>
        <source>Findings from safet&amp;y walks open for more than six months</source>
        <translation>F&amp;ynd från trygghetsvandringar som varit öppna mer än sex månader</translation>
    </message>
</context>
<context>
    <name>OwnerPacksDialog</name>
    <message>
        <source>Send out report packs</source>
        <translation>Skicka ut rapportunderlag</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
    </message>
    <message>
        <source>One per responsible &amp;organisation</source>
        <translation>Ett per ansvarig &amp;organisation</translation>
    </message>
    <message>
        <source>One per contact &amp;person</source>
        <translation>Ett per &amp;kontaktperson</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Packs:</source>
        <translation>Underlag:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mapp:</translation>
    </message>
    <message>
        <source>Each owner gets an Excel workbook with their measures: what was promised, the deadline, the target and what was reported last. They fill in status, traffic light, count and comment and send it back; read it in with Follow-up → Read report packs…</source>
        <translation>Varje ansvarig får en Excel-arbetsbok med sina åtgärder: vad som lovats, när det ska vara klart, målet och vad som rapporterades senast. De fyller i status, trafikljus, utfall och kommentar och skickar tillbaka den; läs in den med Uppföljning → Läs in rapportunderlag…</translation>
    </message>
    <message>
        <source>Packs written</source>
        <translation>Skrivna underlag</translation>
    </message>
    <message>
        <source>The packs written are listed here.</source>
        <translation>Underlagen som skrivs listas här.</translation>
    </message>
    <message>
        <source>&amp;Write packs</source>
        <translation>&amp;Skriv underlag</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Folder for the report packs</source>
        <translation>Mapp för rapportunderlagen</translation>
    </message>
    <message>
        <source>Choose a folder for the packs.</source>
        <translation>Välj en mapp för underlagen.</translation>
    </message>
    <message>
        <source>No measure has an owner of that kind: there are no packs to write.</source>
        <translation>Ingen åtgärd har en sådan ansvarig: det finns inga underlag att skriva.</translation>
    </message>
    <message>
        <source>%1 report packs for %2 written to %3:</source>
        <translation>%1 rapportunderlag för %2 skrivna i %3:</translation>
    </message>
    <message>
        <source>%1 (%2: %3 measures)</source>
        <translation>%1 (%2: %3 åtgärder)</translation>
    </message>
    <message>
        <source>Without an owner (in no pack): %1</source>
        <translation>Utan ansvarig (i inget underlag): %1</translation>
    </message>
</context>
<context>
    <name>OwnerReportDialog</name>
    <message>
        <source>Read report packs</source>
        <translation>Läs in rapportunderlag</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>What reading the packs does</source>
        <translation>Vad inläsningen gör</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>I rapporten</translation>
    </message>
    <message>
        <source>Changes in the packs</source>
        <translation>Ändringar i underlagen</translation>
    </message>
    <message>
        <source>These follow-ups were changed in the program after the pack was made. Choose for each which values apply:</source>
        <translation>De här uppföljningarna har ändrats i programmet efter att underlaget skapades. Välj för var och en vilka värden som ska gälla:</translation>
    </message>
    <message>
        <source>In the database now</source>
        <translation>I databasen nu</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behåll</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems in the packs</source>
        <translation>Problem i underlagen</translation>
    </message>
    <message>
        <source>&amp;Read in</source>
        <translation>&amp;Läs in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The packs have %1 problem(s) and cannot be read in. Nothing has been changed. Correct them and read them in again.</source>
        <translation>Underlagen har %1 fel och kan inte läsas in. Ingenting har ändrats. Rätta dem och läs in dem igen.</translation>
    </message>
    <message>
        <source>The packs change nothing: every follow-up is already as reported.</source>
        <translation>Underlagen ändrar ingenting: varje uppföljning är redan som rapporterat.</translation>
    </message>
    <message>
        <source> (conflict)</source>
        <translation> (konflikt)</translation>
    </message>
    <message>
        <source>Keep for %1</source>
        <translation>Behåll för %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>The report&apos;s values</source>
        <translation>Rapportens värden</translation>
    </message>
    <message>
        <source>The database&apos;s values</source>
        <translation>Databasens värden</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>New organisation…</source>
        <translation>Ny organisation…</translation>
    </message>
    <message>
        <source>New organisation as party</source>
        <translation>Ny organisation som part</translation>
    </message>
    <message>
        <source>add party %1</source>
        <translation>lägg till parten %1</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Ny person…</translation>
    </message>
    <message>
        <source>Add an organisation from the register, or a new one, as a party</source>
        <translation>Lägg till en organisation ur registret, eller en ny, som part</translation>
    </message>
    <message>
        <source>Parties and signatories</source>
        <translation>Parter och undertecknare</translation>
    </message>
    <message>
        <source>The agreement</source>
        <translation>Överenskommelsen</translation>
    </message>
    <message>
        <source>Parties of the agreement</source>
        <translation>Överenskommelsens parter</translation>
    </message>
    <message>
        <source>Signatories of the selected party</source>
        <translation>Den valda partens undertecknare</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Parties, in signing order</source>
        <translation>Parter, i den ordning de undertecknar</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Undertecknare</translation>
    </message>
    <message>
        <source>Agreement &amp;details…</source>
        <translation>&amp;Uppgifter om överenskommelsen…</translation>
    </message>
    <message>
        <source>Kind, title, dates, reporting periods, goals and the texts of the agreement</source>
        <translation>Typ, titel, datum, uppföljningsperioder, mål och överenskommelsens texter</translation>
    </message>
    <message>
        <source>Register of p&amp;eople…</source>
        <translation>Personr&amp;egister…</translation>
    </message>
    <message>
        <source>Every person in the register: add, change or delete</source>
        <translation>Alla personer i registret: lägg till, ändra eller ta bort</translation>
    </message>
    <message>
        <source>Add &amp;party…</source>
        <translation>Lägg till &amp;part…</translation>
    </message>
    <message>
        <source>Add an organisation from the register as a party</source>
        <translation>Lägg till en organisation ur registret som part</translation>
    </message>
    <message>
        <source>&amp;Remove party</source>
        <translation>&amp;Ta bort part</translation>
    </message>
    <message>
        <source>Remove the selected party and its signatories</source>
        <translation>Ta bort den valda parten och dess undertecknare</translation>
    </message>
    <message>
        <source>Move party &amp;up</source>
        <translation>Flytta parten &amp;uppåt</translation>
    </message>
    <message>
        <source>Move the selected party up</source>
        <translation>Flytta den valda parten uppåt</translation>
    </message>
    <message>
        <source>Move party do&amp;wn</source>
        <translation>Flytta parten &amp;nedåt</translation>
    </message>
    <message>
        <source>Move the selected party down</source>
        <translation>Flytta den valda parten nedåt</translation>
    </message>
    <message>
        <source>Add &amp;signatory…</source>
        <translation>&amp;Lägg till undertecknare…</translation>
    </message>
    <message>
        <source>Add a person of the selected party&apos;s organisation as a signatory</source>
        <translation>Lägg till en person från den valda partens organisation som undertecknare</translation>
    </message>
    <message>
        <source>&amp;New person as signatory…</source>
        <translation>&amp;Ny person som undertecknare…</translation>
    </message>
    <message>
        <source>Add a new person to the register and let them sign for the selected party</source>
        <translation>Lägg till en ny person i registret som undertecknar för den valda parten</translation>
    </message>
    <message>
        <source>Remove si&amp;gnatory</source>
        <translation>Ta &amp;bort undertecknare</translation>
    </message>
    <message>
        <source>Remove the selected signatory</source>
        <translation>Ta bort den valda undertecknaren</translation>
    </message>
    <message>
        <source>Move signatory u&amp;p</source>
        <translation>Flytta undertecknaren u&amp;ppåt</translation>
    </message>
    <message>
        <source>Move the selected signatory up</source>
        <translation>Flytta den valda undertecknaren uppåt</translation>
    </message>
    <message>
        <source>Move signatory dow&amp;n</source>
        <translation>Flytta undertecknaren ne&amp;dåt</translation>
    </message>
    <message>
        <source>Move the selected signatory down</source>
        <translation>Flytta den valda undertecknaren nedåt</translation>
    </message>
    <message>
        <source>«%1» is %2 (revision %3): its parties and signatories cannot be changed. Start a new revision on the Versions page to change them; the signed revision stays as it was.</source>
        <translation>«%1» är %2 (revision %3): parterna och undertecknarna kan inte ändras. Starta en ny revision på sidan Versioner för att ändra dem; den undertecknade revisionen finns kvar som den var.</translation>
    </message>
    <message>
        <source>No agreement is chosen.</source>
        <translation>Ingen överenskommelse är vald.</translation>
    </message>
    <message>
        <source>%1 · %2 – %3 · reporting periods: %4 · %5, revision %6</source>
        <translation>%1 · %2 – %3 · uppföljningsperioder: %4 · %5, revision %6</translation>
    </message>
    <message>
        <source>Signatories for %1</source>
        <translation>Undertecknare för %1</translation>
    </message>
    <message>
        <source>Every organisation in the register is a party already. Add the organisation to the register first (Register → Organisations).</source>
        <translation>Alla organisationer i registret är redan parter. Lägg först till organisationen i registret (Register → Organisationer).</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>Lägg till part</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>No one else from %1 is in the register. Use “New person as signatory…” to add someone.</source>
        <translation>Ingen mer från %1 finns i registret. Välj ”Ny person som undertecknare…” för att lägga till någon.</translation>
    </message>
    <message>
        <source>Add signatory for %1</source>
        <translation>Lägg till undertecknare för %1</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>New signatory for %1</source>
        <translation>Ny undertecknare för %1</translation>
    </message>
    <message>
        <source>add signatory %1</source>
        <translation>lägg till undertecknaren %1</translation>
    </message>
</context>
<context>
    <name>PartyCountModel</name>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Förfaller snart</translation>
    </message>
    <message>
        <source>No follow-up</source>
        <translation>Saknar uppföljning</translation>
    </message>
    <message>
        <source>Due within %1 days</source>
        <translation>Förfaller inom %1 dagar</translation>
    </message>
    <message>
        <source>Lacking a follow-up for the current period</source>
        <translation>Saknar uppföljning för den pågående perioden</translation>
    </message>
</context>
<context>
    <name>PartyTableModel</name>
    <message>
        <source>No.</source>
        <extracomment>The id of the row&apos;s record (an int), on every column.</extracomment>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Undertecknare</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>The server did not accept the password for %1. Try again:</source>
        <translation>Servern godtog inte lösenordet för %1. Försök igen:</translation>
    </message>
    <message>
        <source>The shared database %1 asks for a password:</source>
        <translation>Den delade databasen %1 kräver ett lösenord:</translation>
    </message>
    <message>
        <source>The password is used for this connection only and saved nowhere. To be asked no more, put it in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf).</source>
        <translation>Lösenordet används bara för den här anslutningen och sparas ingenstans. För att slippa frågan: lägg det i ~/.pgpass (i Windows %APPDATA%\postgresql\pgpass.conf).</translation>
    </message>
</context>
<context>
    <name>PasteMeasuresDialog</name>
    <message>
        <source>Paste measures</source>
        <translation>Klistra in åtgärder</translation>
    </message>
    <message>
        <source>Promise the measures go to</source>
        <translation>Löftet som åtgärderna läggs till i</translation>
    </message>
    <message>
        <source>Pasted rows</source>
        <translation>Inklistrade rader</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Add to promise:</source>
        <translation>&amp;Lägg till i löfte:</translation>
    </message>
    <message>
        <source>One measure a line; columns (tab between them, as Excel and Word copy them): measure, responsible, deadline, target such as &quot;4 trygghetsvandringar&quot;. A header row may name them in another order.</source>
        <translation>En åtgärd per rad; kolumner (med tabb emellan, som Excel och Word kopierar dem): åtgärd, ansvarig, klart senast, mål som &quot;4 trygghetsvandringar&quot;. En rubrikrad kan ange dem i en annan ordning.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>%1 measure(s) will be added; %2 row(s) have problems and are left out.</source>
        <translation>%1 åtgärd(er) läggs till; %2 rad(er) har problem och utelämnas.</translation>
    </message>
    <message>
        <source>%1 row(s) had more than four columns: the rest is left out.</source>
        <translation>%1 rad(er) hade fler än fyra kolumner: resten utelämnas.</translation>
    </message>
    <message>
        <source>Add %1 measure(s)</source>
        <translation>Lägg till %1 åtgärd(er)</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <extracomment>Pixels per PDF point (1.0 = 72 dpi): an A4 page becomes about 740 × 1050 pixels. Each page&apos;s size in points (width, height): known without drawing it. The open database: &quot;Save as…&quot; never writes over it or what belongs to it.</extracomment>
        <translation>Förhandsgranskning: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
    <message>
        <source>Pages</source>
        <extracomment>The pages still to draw come one per turn of the event loop.</extracomment>
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
        <extracomment>Emitted once every page has been drawn.</extracomment>
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
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Print the PDF</source>
        <translation>Skriv ut PDF-filen</translation>
    </message>
    <message>
        <source>Print on a printer chosen in the printer dialog (Ctrl+P)</source>
        <translation>Skriv ut på en skrivare som väljs i utskriftsdialogen (Ctrl+P)</translation>
    </message>
    <message>
        <source>What the preview shows</source>
        <translation>Vad förhandsgranskningen visar</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>The printer %1 could not be opened.</source>
        <translation>Skrivaren %1 gick inte att öppna.</translation>
    </message>
    <message>
        <source>1 page sent to the printer</source>
        <translation>1 sida skickades till skrivaren</translation>
    </message>
    <message>
        <source>%1 pages sent to the printer</source>
        <translation>%1 sidor skickades till skrivaren</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>New &amp;person…</source>
        <translation>Ny &amp;person…</translation>
    </message>
    <message>
        <source>C&amp;hange person…</source>
        <translation>Ä&amp;ndra person…</translation>
    </message>
    <message>
        <source>&amp;Delete person</source>
        <translation>&amp;Ta bort person</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Ta bort person</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Change person</source>
        <translation>Ändra person</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>e.g. Chair of the municipal executive board</source>
        <translation>t.ex. Kommunstyrelsens ordförande</translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation>(ingen organisation)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <source>Add focus area %1</source>
        <extracomment>What the measure dialog edits (and so what undo of a change puts back). Refs of the rows the last delete took away, by (kind, id at the time).</extracomment>
        <translation>Lägg till fokusområde %1</translation>
    </message>
    <message>
        <source>Delete focus area %1</source>
        <translation>Ta bort fokusområde %1</translation>
    </message>
    <message>
        <source>Change focus area %1</source>
        <translation>Ändra fokusområde %1</translation>
    </message>
    <message>
        <source>Move focus area %1</source>
        <translation>Flytta fokusområde %1</translation>
    </message>
    <message>
        <source>Add promise «%1»</source>
        <translation>Lägg till löfte «%1»</translation>
    </message>
    <message>
        <source>Delete promise «%1»</source>
        <translation>Ta bort löfte «%1»</translation>
    </message>
    <message>
        <source>Change promise «%1»</source>
        <translation>Ändra löfte «%1»</translation>
    </message>
    <message>
        <source>Move promise «%1»</source>
        <translation>Flytta löfte «%1»</translation>
    </message>
    <message>
        <source>Add measure «%1»</source>
        <translation>Lägg till åtgärd «%1»</translation>
    </message>
    <message>
        <source>Delete measure «%1»</source>
        <translation>Ta bort åtgärd «%1»</translation>
    </message>
    <message>
        <source>Change measure «%1»</source>
        <translation>Ändra åtgärd «%1»</translation>
    </message>
    <message>
        <source>Move measure «%1»</source>
        <translation>Flytta åtgärd «%1»</translation>
    </message>
    <message>
        <source>Log occurrence %1</source>
        <translation>Logga tillfälle %1</translation>
    </message>
    <message>
        <source>Delete occurrence %1</source>
        <translation>Ta bort tillfälle %1</translation>
    </message>
    <message>
        <source>Change occurrence %1</source>
        <translation>Ändra tillfälle %1</translation>
    </message>
    <message>
        <source>Paste %1 measure(s)</source>
        <translation>Klistra in %1 åtgärd(er)</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>%1 and %2</source>
        <extracomment>The node&apos;s kind (&quot;group&quot;, &quot;promise&quot;, &quot;measure&quot;). The id of the promise or measure (None for a group). The PromiseRecord, or the MeasureStatusRow of a measure.</extracomment>
        <translation>%1 och %2</translation>
    </message>
    <message>
        <source>The police promise to …</source>
        <translation>Polisen lovar att …</translation>
    </message>
    <message>
        <source>The municipality promises to …</source>
        <translation>Kommunen lovar att …</translation>
    </message>
    <message>
        <source>The police and the municipality promise to …</source>
        <translation>Polisen och kommunen lovar att …</translation>
    </message>
    <message>
        <source>The police promise</source>
        <translation>Polisen lovar</translation>
    </message>
    <message>
        <source>The municipality promises</source>
        <translation>Kommunen lovar</translation>
    </message>
    <message>
        <source>The police and the municipality promise</source>
        <translation>Polisen och kommunen lovar</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>%1 promise to …</source>
        <translation>%1 lovar att …</translation>
    </message>
    <message>
        <source>%1 promise</source>
        <translation>%1 lovar</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>att %1</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Promises and measures</source>
        <extracomment>The date the deadline column is sized for (wide digits, two-digit month and day). What the page shows: a change to any other table leaves it as it is. A measure the person wants to open elsewhere (not emitted by this page&apos;s own editing).</extracomment>
        <translation>Löften och åtgärder</translation>
    </message>
    <message>
        <source>Titles, descriptions, follow-up comments …</source>
        <translation>Titlar, beskrivningar, uppföljningarnas kommentarer …</translation>
    </message>
    <message>
        <source>Search the plan</source>
        <translation>Sök i planen</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <source>Filter by party</source>
        <translation>Filtrera på part</translation>
    </message>
    <message>
        <source>Filter by responsible</source>
        <translation>Filtrera på ansvarig</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrera på status</translation>
    </message>
    <message>
        <source>Filter by traffic light</source>
        <translation>Filtrera på trafikljus</translation>
    </message>
    <message>
        <source>Filter by focus area</source>
        <translation>Filtrera på fokusområde</translation>
    </message>
    <message>
        <source>Only &amp;overdue</source>
        <translation>Bara &amp;försenade</translation>
    </message>
    <message>
        <source>Show only overdue measures</source>
        <translation>Visa bara försenade åtgärder</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Rensa filter</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Rensa sökning och filter</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Not followed up</source>
        <translation>Ej uppföljd</translation>
    </message>
    <message>
        <source>Every traffic light</source>
        <translation>Alla trafikljus</translation>
    </message>
    <message>
        <source>New &amp;measure…</source>
        <translation>Ny &amp;åtgärd…</translation>
    </message>
    <message>
        <source>Add a measure to the selected promise</source>
        <translation>Lägg till en åtgärd under det valda löftet</translation>
    </message>
    <message>
        <source>New &amp;promise…</source>
        <translation>Nytt &amp;löfte…</translation>
    </message>
    <message>
        <source>Add a promise: what is promised and who promises it</source>
        <translation>Lägg till ett löfte: vad som lovas och vem som lovar</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Än&amp;dra…</translation>
    </message>
    <message>
        <source>Change the selected promise or measure</source>
        <translation>Ändra det valda löftet eller den valda åtgärden</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Delete the selected measure, or the promise with all its measures</source>
        <translation>Ta bort den valda åtgärden, eller löftet med alla dess åtgärder</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move the selected promise or measure up</source>
        <translation>Flytta det valda löftet eller den valda åtgärden uppåt</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Flytta &amp;ner</translation>
    </message>
    <message>
        <source>Move the selected promise or measure down</source>
        <translation>Flytta det valda löftet eller den valda åtgärden nedåt</translation>
    </message>
    <message>
        <source>Occu&amp;rrences…</source>
        <translation>T&amp;illfällen…</translation>
    </message>
    <message>
        <source>The log of each time the selected counted measure was carried out</source>
        <translation>Loggen över varje gång den valda räknade åtgärden genomfördes</translation>
    </message>
    <message>
        <source>&amp;Focus areas…</source>
        <translation>&amp;Fokusområden…</translation>
    </message>
    <message>
        <source>Add, rename, delete and reorder the agreement&apos;s focus areas</source>
        <translation>Lägg till, byt namn på, ta bort och ordna om överenskommelsens fokusområden</translation>
    </message>
    <message>
        <source>Measures shown: %1 of %2</source>
        <translation>Åtgärder som visas: %1 av %2</translation>
    </message>
    <message>
        <source>Every party</source>
        <translation>Alla parter</translation>
    </message>
    <message>
        <source>Every responsible</source>
        <translation>Alla ansvariga</translation>
    </message>
    <message>
        <source>Every focus area</source>
        <translation>Alla fokusområden</translation>
    </message>
    <message>
        <source>No focus area</source>
        <translation>Inget fokusområde</translation>
    </message>
    <message>
        <source>This agreement is %1 (revision %2): its plan cannot be changed here. Start a new revision to change it. Follow-ups and the occurrence log of counted measures go on.</source>
        <translation>Överenskommelsen är %1 (revision %2): planen kan inte ändras här. Starta en ny revision för att ändra den. Uppföljningar och tillfällesloggen för räknade åtgärder fortsätter som vanligt.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Delete measure</source>
        <translation>Ta bort åtgärd</translation>
    </message>
    <message>
        <source>The measure «%1» is deleted (Undo brings it back).</source>
        <translation>Åtgärden «%1» är borttagen (Ångra tar tillbaka den).</translation>
    </message>
    <message>
        <source>Delete promise</source>
        <translation>Ta bort löfte</translation>
    </message>
    <message>
        <source>The promise «%1» is deleted with its %2 measures (Undo brings all of it back).</source>
        <translation>Löftet «%1» är borttaget med sina %2 åtgärder (Ångra tar tillbaka alltihop).</translation>
    </message>
    <message>
        <source>Move measure</source>
        <translation>Flytta åtgärd</translation>
    </message>
    <message>
        <source>Move promise</source>
        <translation>Flytta löfte</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>P&amp;aste measures…</source>
        <translation>Klistra &amp;in åtgärder…</translation>
    </message>
    <message>
        <source>Add measures copied in Excel or Word (one a line: measure, responsible, deadline, target) to the selected promise, after a preview</source>
        <translation>Lägg till åtgärder kopierade i Excel eller Word (en per rad: åtgärd, ansvarig, klart senast, mål) i det markerade löftet, efter en förhandsvisning</translation>
    </message>
    <message>
        <source>Pasted %1 measure(s).</source>
        <translation>Klistrade in %1 åtgärd(er).</translation>
    </message>
    <message>
        <source>Pick from the &amp;starter set…</source>
        <translation>Välj ur &amp;startpaketet…</translation>
    </message>
    <message>
        <source>Common promises, measures and indicators to start the plan and the situational picture from</source>
        <translation>Vanliga löften, åtgärder och indikatorer att börja planen och lägesbilden med</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>Promise or measure</source>
        <extracomment>Casefolded words the free-text search looks through. The node&apos;s place among its siblings (set by ``adopt``; the tree is rebuilt, never edited).</extracomment>
        <translation>Löfte eller åtgärd</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Focus area</source>
        <translation>Fokusområde</translation>
    </message>
    <message>
        <source>Measures: %1</source>
        <translation>Åtgärder: %1</translation>
    </message>
    <message>
        <source>No measures yet</source>
        <translation>Inga åtgärder än</translation>
    </message>
    <message>
        <source>Not followed up</source>
        <translation>Ej uppföljd</translation>
    </message>
    <message>
        <source>Contact person: %1</source>
        <translation>Kontaktperson: %1</translation>
    </message>
    <message>
        <source>Traffic light: %1</source>
        <translation>Trafikljus: %1</translation>
    </message>
    <message>
        <source>Latest follow-up: %1</source>
        <translation>Senaste uppföljning: %1</translation>
    </message>
    <message>
        <source>Overdue: the deadline has passed and the measure is not finished.</source>
        <translation>Försenad: slutdatumet har passerat och åtgärden är inte klar.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Progress per reporting period</source>
        <translation>Utveckling per uppföljningsperiod</translation>
    </message>
    <message>
        <source>no measures</source>
        <translation>inga åtgärder</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (pågår)</translation>
    </message>
    <message>
        <source>No reporting period has begun yet.</source>
        <translation>Ingen uppföljningsperiod har börjat ännu.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>pågår</translation>
    </message>
</context>
<context>
    <name>PromiseForm</name>
    <message>
        <source>Change promise</source>
        <translation>Ändra löfte</translation>
    </message>
    <message>
        <source>New promise</source>
        <translation>Nytt löfte</translation>
    </message>
    <message>
        <source>e.g. increase safety in the public space</source>
        <translation>t.ex. öka tryggheten i den offentliga miljön</translation>
    </message>
    <message>
        <source>e.g. visible presence at the station on weekend evenings</source>
        <translation>t.ex. synlig närvaro vid stationen på helgkvällar</translation>
    </message>
    <message>
        <source>Print the &amp;text as written (not after &quot;… promise to&quot;)</source>
        <translation>Skriv ut &amp;texten som den står (inte efter ”… lovar att”)</translation>
    </message>
    <message>
        <source>Wording:</source>
        <translation>Formulering:</translation>
    </message>
    <message>
        <source>&amp;Promise:</source>
        <translation>&amp;Löfte:</translation>
    </message>
    <message>
        <source>&amp;Who promises:</source>
        <translation>&amp;Vem lovar:</translation>
    </message>
    <message>
        <source>… &amp;promise to:</source>
        <translation>… lovar &amp;att:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>Unticked, the promise continues its heading, e.g. &quot;The police and the municipality promise to …&quot; increase safety in the public space. Ticked, it is printed as written, under a heading that only groups: &quot;The police promise&quot; visible presence at the station on weekend evenings.</source>
        <translation>Utan bock fortsätter löftet sin rubrik, t.ex. ”Polisen och kommunen lovar att …” öka tryggheten i den offentliga miljön. Med bock skrivs det ut som det står, under en rubrik som bara samlar löftena: ”Polisen lovar” synlig närvaro vid stationen på helgkvällar.</translation>
    </message>
    <message>
        <source>The promise «%1»</source>
        <translation>Löftet «%1»</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>Som den är skriven</translation>
    </message>
    <message>
        <source>After &quot;… promise to&quot;</source>
        <translation>Efter ”… lovar att”</translation>
    </message>
    <message>
        <source>Who promises</source>
        <translation>Vem lovar</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Formulering</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish for citizens</source>
        <translation>Publicera för medborgarna</translation>
    </message>
    <message>
        <source>Writes a folder to put on the municipality&apos;s website as it is: an accessible page, “How the promises are going” (index.html), the period&apos;s follow-up report as a tagged PDF, and the same facts as open data (data.csv, data.json with its schema). Only the signatories are named; contact persons, e-mail addresses, telephone numbers and safety-walk participants are never published.</source>
        <translation>Skriver en mapp att lägga på kommunens webbplats som den är: en tillgänglig sida, ”Så går det med medborgarlöftena” (index.html), periodens uppföljningsrapport som taggad PDF och samma uppgifter som öppna data (data.csv, data.json med sitt schema). Bara undertecknarna namnges; kontaktpersoner, e-postadresser, telefonnummer och deltagare i trygghetsvandringar publiceras aldrig.</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <source>The page says the facts are as of this day; overdue is judged on it.</source>
        <translation>Sidan säger att uppgifterna gäller per den här dagen; försening bedöms per den.</translation>
    </message>
    <message>
        <source>Why the report date is refused</source>
        <translation>Varför rapportdatumet inte godtas</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>What the parties will do next, in words a citizen understands.</source>
        <translation>Vad parterna gör härnäst, med ord som en medborgare förstår.</translation>
    </message>
    <message>
        <source>Folder to publish in</source>
        <translation>Mapp att publicera i</translation>
    </message>
    <message>
        <source>A folder; it is created if missing</source>
        <translation>En mapp; den skapas om den saknas</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Choose the folder to publish in</source>
        <translation>Välj mappen att publicera i</translation>
    </message>
    <message>
        <source>Why the publication could not be made</source>
        <translation>Varför publiceringen inte kunde göras</translation>
    </message>
    <message>
        <source>What was published</source>
        <translation>Vad som publicerades</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Report &amp;date:</source>
        <translation>Rapport&amp;datum:</translation>
    </message>
    <message>
        <source>&amp;Next steps:</source>
        <translation>&amp;Nästa steg:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mapp:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>P&amp;ublish</source>
        <translation>P&amp;ublicera</translation>
    </message>
    <message>
        <source>Write the publication into the folder</source>
        <translation>Skriv publiceringen i mappen</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Öppna m&amp;appen</translation>
    </message>
    <message>
        <source>Open the folder just published</source>
        <translation>Öppna mappen som just publicerades</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Nothing has been written.</source>
        <translation>%1 är en fil, inte en mapp. Ingenting har skrivits.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publicerar…</translation>
    </message>
    <message>
        <source>Published %1 measures in %2: %3. Put the folder&apos;s files on the website as they are.</source>
        <translation>Publicerade %1 åtgärder i %2: %3. Lägg mappens filer på webbplatsen som de är.</translation>
    </message>
    <message>
        <source>Nothing is half-written.</source>
        <translation>Ingenting är halvskrivet.</translation>
    </message>
    <message>
        <source>The publication could not be made: %1</source>
        <translation>Publiceringen kunde inte göras: %1</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Spara (%1)</translation>
    </message>
    <message>
        <source>Nothing was saved; what you typed is still in the form.</source>
        <translation>Ingenting sparades; det du skrev finns kvar i formuläret.</translation>
    </message>
    <message>
        <source>Their version is in the form now; nothing was saved.</source>
        <translation>Deras version finns nu i formuläret; ingenting sparades.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Organisations</source>
        <extracomment>The height of the selected organisation&apos;s logo beside its buttons.</extracomment>
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
        <source>&amp;Logo…</source>
        <translation>&amp;Logotyp…</translation>
    </message>
    <message>
        <source>Choose the organisation&apos;s logo</source>
        <translation>Välj organisationens logotyp</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>&amp;Ta bort logotypen</translation>
    </message>
    <message>
        <source>The organisation&apos;s logo</source>
        <translation>Organisationens logotyp</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>&amp;Organisationer</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personer</translation>
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
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotyp</translation>
    </message>
    <message>
        <source>Logo of %1</source>
        <translation>Logotyp för %1</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 kunde inte läsas: %2</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
    <message>
        <source>One ready e-mail per contact person (.eml) with their measures that need a follow-up, have a deadline soon or are overdue, and a calendar file (.ics) with the reporting day and the deadlines. Nothing is sent: open each e-mail in your mail program, read it and send it.</source>
        <translation>Ett färdigt e-postmeddelande per kontaktperson (.eml) med de åtgärder som saknar uppföljning, snart har sista dag eller är försenade, och en kalenderfil (.ics) med rapportdagen och de sista dagarna. Ingenting skickas: öppna varje meddelande i e-postprogrammet, läs igenom det och skicka.</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Deadlines within this many days</source>
        <translation>Sista dag inom så här många dagar</translation>
    </message>
    <message>
        <source>Report wanted by</source>
        <translation>Rapporten önskas senast</translation>
    </message>
    <message>
        <source>The day the report is wanted by; it is in every e-mail.</source>
        <translation>Dagen rapporten ska vara inne; den står i varje meddelande.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Deadline within:</source>
        <translation>&amp;Sista dag inom:</translation>
    </message>
    <message>
        <source>Report wanted &amp;by:</source>
        <translation>Rapporten önskas s&amp;enast:</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Follow-up missing</source>
        <translation>Uppföljning saknas</translation>
    </message>
    <message>
        <source>Deadline soon</source>
        <translation>Sista dag snart</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Who gets a reminder</source>
        <translation>Vem som får en påminnelse</translation>
    </message>
    <message>
        <source>&amp;Write files…</source>
        <translation>S&amp;kriv filerna…</translation>
    </message>
    <message>
        <source>Choose a folder and write the e-mails and the calendar</source>
        <translation>Välj en mapp och skriv e-postmeddelandena och kalendern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>None: fill in the recipient yourself</source>
        <translation>Saknas: fyll i mottagaren själv</translation>
    </message>
    <message>
        <source>The register&apos;s address cannot be used: %1</source>
        <translation>Registrets adress går inte att använda: %1</translation>
    </message>
    <message>
        <source>%1 reminders and a calendar file; the report is wanted by %2.</source>
        <translation>%1 påminnelser och en kalenderfil; rapporten önskas senast %2.</translation>
    </message>
    <message>
        <source>%1 of them without an e-mail address.</source>
        <translation>%1 av dem saknar e-postadress.</translation>
    </message>
    <message>
        <source>No contact person has anything due for this period: only the calendar is written.</source>
        <translation>Ingen kontaktperson har något att rapportera för perioden: bara kalendern skrivs.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… och %1 till</translation>
    </message>
    <message>
        <source>Without a contact person (no reminder is written for these %1):</source>
        <translation>Utan kontaktperson (ingen påminnelse skrivs för dessa %1):</translation>
    </message>
    <message>
        <source>Write reminders</source>
        <translation>Skriv påminnelser</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>%1 files were written to %2. Nothing has been sent. Open the folder?</source>
        <translation>%1 filer skrevs till %2. Ingenting har skickats. Öppna mappen?</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>next steps for %1</source>
        <translation>nästa steg för %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Create report</source>
        <extracomment>Lines of &quot;Next steps&quot; visible without scrolling. The error dialog shown for the last unexpected failure (None when there was none).</extracomment>
        <translation>Skapa rapport</translation>
    </message>
    <message>
        <source>&amp;Follow-up report for one period</source>
        <translation>&amp;Uppföljningsrapport för en period</translation>
    </message>
    <message>
        <source>Follow-up report for one period</source>
        <translation>Uppföljningsrapport för en period</translation>
    </message>
    <message>
        <source>&amp;Annual or final report</source>
        <translation>Å&amp;rsrapport eller slutrapport</translation>
    </message>
    <message>
        <source>Annual or final report, the periods side by side</source>
        <translation>Årsrapport eller slutrapport, perioderna sida vid sida</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
    </message>
    <message>
        <source>Year the annual report covers</source>
        <translation>Året som årsrapporten gäller</translation>
    </message>
    <message>
        <source>As of the report date</source>
        <translation>Efter rapportdatumet</translation>
    </message>
    <message>
        <source>While the agreement runs: the year of the report date. Once it has ended: the whole agreement (a final report). Or one calendar year of it.</source>
        <translation>Medan överenskommelsen pågår: rapportdatumets år. När den har upphört: hela överenskommelsen (en slutrapport). Eller ett av dess kalenderår.</translation>
    </message>
    <message>
        <source>P&amp;ortrait</source>
        <translation>S&amp;tående</translation>
    </message>
    <message>
        <source>Portrait pages</source>
        <translation>Stående sidor</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>&amp;Liggande</translation>
    </message>
    <message>
        <source>Landscape pages</source>
        <translation>Liggande sidor</translation>
    </message>
    <message>
        <source>Group the measures</source>
        <translation>Gruppera åtgärderna</translation>
    </message>
    <message>
        <source>By promise</source>
        <translation>Per löfte</translation>
    </message>
    <message>
        <source>By focus area</source>
        <translation>Per fokusområde</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <source>The report is dated and made as of this day: overdue is judged on it.</source>
        <translation>Rapporten dateras och görs per den här dagen: försenat bedöms utifrån den.</translation>
    </message>
    <message>
        <source>&amp;Include the parties&apos; logos</source>
        <translation>Ta med parternas l&amp;ogotyper</translation>
    </message>
    <message>
        <source>Include the parties&apos; logos in the page header</source>
        <translation>Ta med parternas logotyper i sidhuvudet</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>The measures in the period</source>
        <translation>Åtgärderna under perioden</translation>
    </message>
    <message>
        <source>Status per measure and period</source>
        <translation>Status per åtgärd och period</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <source>Carried over to next year</source>
        <translation>Förs över till nästa år</translation>
    </message>
    <message>
        <source>Changed since signing</source>
        <translation>Ändrat sedan undertecknandet</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>Sections of the report</source>
        <translation>Rapportens delar</translation>
    </message>
    <message>
        <source>Include the section “%1”</source>
        <translation>Ta med delen ”%1”</translation>
    </message>
    <message>
        <source>What the parties will do next. Printed under “Next steps”; left out when empty.</source>
        <translation>Vad parterna gör härnäst. Skrivs under ”Nästa steg”; utelämnas om rutan är tom.</translation>
    </message>
    <message>
        <source>Why the report could not be made</source>
        <translation>Varför rapporten inte kunde skapas</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Rapport:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Sidor:</translation>
    </message>
    <message>
        <source>&amp;Group measures:</source>
        <translation>&amp;Gruppera åtgärder:</translation>
    </message>
    <message>
        <source>Report &amp;date:</source>
        <translation>Rapport&amp;datum:</translation>
    </message>
    <message>
        <source>Page header:</source>
        <translation>Sidhuvud:</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Delar:</translation>
    </message>
    <message>
        <source>&amp;Next steps:</source>
        <translation>&amp;Nästa steg:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>&amp;Create report</source>
        <translation>&amp;Skapa rapport</translation>
    </message>
    <message>
        <source>Create the report</source>
        <translation>Skapa rapporten</translation>
    </message>
    <message>
        <source>Make the PDF and show it before it is saved (%1)</source>
        <translation>Gör PDF:en och visa den innan den sparas (%1)</translation>
    </message>
    <message>
        <source>%1 annual report.pdf</source>
        <extracomment>The orientation chosen per kind of report (a switch of kind brings back that kind&apos;s).</extracomment>
        <translation>%1 årsrapport.pdf</translation>
    </message>
    <message>
        <source>%1 follow-up %2.pdf</source>
        <translation>%1 uppföljning %2.pdf</translation>
    </message>
    <message>
        <source>report.pdf</source>
        <translation>rapport.pdf</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Årsrapport</translation>
    </message>
    <message>
        <source>Follow-up report</source>
        <translation>Uppföljningsrapport</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Rapporten kunde inte skapas: %1</translation>
    </message>
    <message>
        <source>Adoption of the period&apos;s follow-up</source>
        <translation>Fastställandet av periodens uppföljning</translation>
    </message>
    <message>
        <source>Adop&amp;t…</source>
        <translation>&amp;Fastställ…</translation>
    </message>
    <message>
        <source>Record that the period&apos;s follow-up was adopted</source>
        <translation>Registrera att periodens uppföljning har fastställts</translation>
    </message>
    <message>
        <source>Record that a council or the board adopted this period&apos;s follow-up (date, paragraph, case number), and keep the report with these choices as it is now, as an archival PDF</source>
        <translation>Registrera att ett råd eller kommunstyrelsen har fastställt periodens uppföljning (datum, paragraf, diarienummer), och spara rapporten med de här valen som den ser ut nu, som en arkiv-PDF</translation>
    </message>
    <message>
        <source>Adopted as version %1 by %2 on %3 (%4). A report created here is a working copy; the adopted one is kept on the Versions page.</source>
        <translation>Fastställd som version %1 av %2 den %3 (%4). En rapport som skapas här är en arbetsutskrift; den fastställda finns på sidan Versioner.</translation>
    </message>
    <message>
        <source>%1 follow-up %2 adopted version %3.pdf</source>
        <translation>%1 uppföljning %2 fastställd version %3.pdf</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>Creating the report…</source>
        <extracomment>A render quicker than this shows no flash of a progress dialog. The preview of the render just finished is open. The report failed: the widget it was started over, and the exception (an AppError for the person, anything else a bug). The person pressed Cancel: the render&apos;s result will be dropped. (task number, file name, the widget the preview opens over) of the render awaited.</extracomment>
        <translation>Skapar rapporten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Creating the report</source>
        <translation>Skapar rapporten</translation>
    </message>
    <message>
        <source>Reading the agreement’s data…</source>
        <translation>Läser in överenskommelsens uppgifter…</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Skapar sidorna…</translation>
    </message>
    <message>
        <source>Writing the files…</source>
        <translation>Skriver filerna…</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>About changing the language</source>
        <translation>Om byte av språk</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Databas:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasfil</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Inställningsfil:</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Inställningsfil</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Loggmapp:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Loggmapp</translation>
    </message>
    <message>
        <source>%1 is used the next time the program starts.</source>
        <translation>%1 används från nästa gång programmet startas.</translation>
    </message>
    <message>
        <source>A new language is used the next time the program starts.</source>
        <translation>Ett nytt språk används från nästa gång programmet startas.</translation>
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
    <name>SignatoryTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>SituationCommands</name>
    <message>
        <source>add source «%1»</source>
        <translation>lägg till källan «%1»</translation>
    </message>
    <message>
        <source>change source «%1»</source>
        <translation>ändra källan «%1»</translation>
    </message>
    <message>
        <source>remove source «%1»</source>
        <translation>ta bort källan «%1»</translation>
    </message>
    <message>
        <source>move source «%1»</source>
        <translation>flytta källan «%1»</translation>
    </message>
    <message>
        <source>add indicator %1</source>
        <translation>lägg till indikatorn %1</translation>
    </message>
    <message>
        <source>change indicator %1</source>
        <translation>ändra indikatorn %1</translation>
    </message>
    <message>
        <source>delete indicator %1</source>
        <translation>ta bort indikatorn %1</translation>
    </message>
    <message>
        <source>The value for %1 is no longer there.</source>
        <translation>Värdet för %1 finns inte längre.</translation>
    </message>
    <message>
        <source>set the value of %1 for %2</source>
        <translation>ange värdet för %1 för %2</translation>
    </message>
    <message>
        <source>remove the value of %1 for %2</source>
        <translation>ta bort värdet för %1 för %2</translation>
    </message>
    <message>
        <source>follow indicator %1</source>
        <translation>följ indikatorn %1</translation>
    </message>
    <message>
        <source>change baseline and target of %1</source>
        <translation>ändra utgångsläge och mål för %1</translation>
    </message>
    <message>
        <source>stop following %1</source>
        <translation>sluta följa %1</translation>
    </message>
    <message>
        <source>add safety walk %1</source>
        <translation>lägg till trygghetsvandringen %1</translation>
    </message>
    <message>
        <source>change safety walk %1</source>
        <translation>ändra trygghetsvandringen %1</translation>
    </message>
    <message>
        <source>delete safety walk %1</source>
        <translation>ta bort trygghetsvandringen %1</translation>
    </message>
    <message>
        <source>add finding «%1»</source>
        <translation>lägg till iakttagelsen «%1»</translation>
    </message>
    <message>
        <source>change finding «%1»</source>
        <translation>ändra iakttagelsen «%1»</translation>
    </message>
    <message>
        <source>delete finding «%1»</source>
        <translation>ta bort iakttagelsen «%1»</translation>
    </message>
    <message>
        <source>make finding «%1» into a measure</source>
        <translation>gör iakttagelsen «%1» till en åtgärd</translation>
    </message>
</context>
<context>
    <name>SituationPage</name>
    <message>
        <source>Situational picture</source>
        <extracomment>What the page shows: a change to any other table leaves it as it is.</extracomment>
        <translation>Lägesbild</translation>
    </message>
    <message>
        <source>The agreement has no situational picture text yet.</source>
        <translation>Överenskommelsen har ingen lägesbild i text ännu.</translation>
    </message>
    <message>
        <source>Sources of the situational picture</source>
        <translation>Lägesbildens källor</translation>
    </message>
    <message>
        <source>Indicators followed by the agreement</source>
        <translation>Indikatorer som överenskommelsen följer</translation>
    </message>
    <message>
        <source>Safety walks</source>
        <translation>Trygghetsvandringar</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Findings of the selected safety walk</source>
        <translation>Iakttagelser vid den valda trygghetsvandringen</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>S&amp;ources:</source>
        <translation>&amp;Källor:</translation>
    </message>
    <message>
        <source>&amp;Findings of the selected walk:</source>
        <translation>&amp;Iakttagelser vid den valda vandringen:</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>&amp;Lägg till källa…</translation>
    </message>
    <message>
        <source>Add a source the situational picture rests on</source>
        <translation>Lägg till en källa som lägesbilden bygger på</translation>
    </message>
    <message>
        <source>&amp;Change source…</source>
        <translation>Ä&amp;ndra källa…</translation>
    </message>
    <message>
        <source>Change the selected source</source>
        <translation>Ändra den valda källan</translation>
    </message>
    <message>
        <source>&amp;Remove source</source>
        <translation>Ta &amp;bort källa</translation>
    </message>
    <message>
        <source>Remove the selected source</source>
        <translation>Ta bort den valda källan</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move the selected source up</source>
        <translation>Flytta upp den valda källan</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Flytta &amp;ner</translation>
    </message>
    <message>
        <source>Move the selected source down</source>
        <translation>Flytta ner den valda källan</translation>
    </message>
    <message>
        <source>&amp;Follow an indicator…</source>
        <translation>&amp;Följ en indikator…</translation>
    </message>
    <message>
        <source>Follow an indicator from the register, with its baseline and target</source>
        <translation>Följ en indikator ur registret, med utgångsläge och mål</translation>
    </message>
    <message>
        <source>Change &amp;baseline and target…</source>
        <translation>Ändra &amp;utgångsläge och mål…</translation>
    </message>
    <message>
        <source>Change the baseline and target of the selected indicator</source>
        <translation>Ändra utgångsläge och mål för den valda indikatorn</translation>
    </message>
    <message>
        <source>&amp;Stop following</source>
        <translation>&amp;Sluta följa</translation>
    </message>
    <message>
        <source>Stop following the selected indicator (the indicator and its values stay in the register)</source>
        <translation>Sluta följa den valda indikatorn (indikatorn och dess värden finns kvar i registret)</translation>
    </message>
    <message>
        <source>Indicator &amp;register…</source>
        <translation>Indikator&amp;register…</translation>
    </message>
    <message>
        <source>Every indicator, and its values per period</source>
        <translation>Alla indikatorer och deras värden per period</translation>
    </message>
    <message>
        <source>&amp;Import values…</source>
        <translation>&amp;Importera värden…</translation>
    </message>
    <message>
        <source>Import indicator values from a CSV or Excel file</source>
        <translation>Importera indikatorvärden från en CSV- eller Excelfil</translation>
    </message>
    <message>
        <source>New safety &amp;walk…</source>
        <translation>Ny trygghets&amp;vandring…</translation>
    </message>
    <message>
        <source>Log a safety walk: when, where and who took part</source>
        <translation>Registrera en trygghetsvandring: när, var och vilka som deltog</translation>
    </message>
    <message>
        <source>C&amp;hange walk…</source>
        <translation>Ändra tr&amp;ygghetsvandring…</translation>
    </message>
    <message>
        <source>Change the selected safety walk</source>
        <translation>Ändra den valda trygghetsvandringen</translation>
    </message>
    <message>
        <source>&amp;Delete walk</source>
        <translation>Ta bort trygghetsvan&amp;dring</translation>
    </message>
    <message>
        <source>Delete the selected safety walk with its findings</source>
        <translation>Ta bort den valda trygghetsvandringen med dess iakttagelser</translation>
    </message>
    <message>
        <source>New fi&amp;nding…</source>
        <translation>Ny i&amp;akttagelse…</translation>
    </message>
    <message>
        <source>Add a finding to the selected safety walk</source>
        <translation>Lägg till en iakttagelse vid den valda trygghetsvandringen</translation>
    </message>
    <message>
        <source>Chan&amp;ge finding…</source>
        <translation>Ändra iakttagel&amp;se…</translation>
    </message>
    <message>
        <source>Change the selected finding</source>
        <translation>Ändra den valda iakttagelsen</translation>
    </message>
    <message>
        <source>Dele&amp;te finding</source>
        <translation>Ta bort iakttagels&amp;e</translation>
    </message>
    <message>
        <source>Delete the selected finding</source>
        <translation>Ta bort den valda iakttagelsen</translation>
    </message>
    <message>
        <source>Make into &amp;measure…</source>
        <translation>Gör till å&amp;tgärd…</translation>
    </message>
    <message>
        <source>Make the selected finding into a measure of one of the agreement&apos;s promises</source>
        <translation>Gör den valda iakttagelsen till en åtgärd under ett av överenskommelsens löften</translation>
    </message>
    <message>
        <source>Situational picture and indicators</source>
        <translation>Lägesbild och indikatorer</translation>
    </message>
    <message>
        <source>&amp;Findings of the walk %1:</source>
        <translation>&amp;Iakttagelser vid vandringen %1:</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Ta bort källa</translation>
    </message>
    <message>
        <source>Move source</source>
        <translation>Flytta källa</translation>
    </message>
    <message>
        <source>Follow an indicator</source>
        <translation>Följ en indikator</translation>
    </message>
    <message>
        <source>The register has no indicator that the agreement does not follow already. Add one in the indicator register (or import values from a file) first.</source>
        <translation>Registret har ingen indikator som överenskommelsen inte redan följer. Lägg först till en i indikatorregistret (eller importera värden från en fil).</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>Sluta följa</translation>
    </message>
    <message>
        <source>Import indicator values</source>
        <translation>Importera indikatorvärden</translation>
    </message>
    <message>
        <source>CSV files and Excel workbooks (%1)</source>
        <translation>CSV-filer och Excel-arbetsböcker (%1)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 kunde inte läsas: %2</translation>
    </message>
    <message>
        <source>Imported from %1: %2 new values, %3 replaced, %4 unchanged; %5 new indicators.</source>
        <translation>Importerat från %1: %2 nya värden, %3 ersatta, %4 oförändrade; %5 nya indikatorer.</translation>
    </message>
    <message>
        <source>A backup was made first: %1</source>
        <translation>En säkerhetskopia gjordes först: %1</translation>
    </message>
    <message>
        <source>Delete safety walk</source>
        <translation>Ta bort trygghetsvandring</translation>
    </message>
    <message>
        <source>Delete the safety walk %1 with its %2 findings?

Some of its findings were made into measures. The measures stay in the plan, but their link to the findings cannot be made again: this cannot be undone.</source>
        <translation>Ta bort trygghetsvandringen %1 med dess %2 iakttagelser?

Några av iakttagelserna har gjorts till åtgärder. Åtgärderna finns kvar i planen, men deras koppling till iakttagelserna kan inte återskapas: det går inte att ångra.</translation>
    </message>
    <message>
        <source>The safety walk %1 is deleted.</source>
        <translation>Trygghetsvandringen %1 är borttagen.</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>Ta bort iakttagelse</translation>
    </message>
    <message>
        <source>Delete the finding «%1»?

It was made into the measure «%2», which stays in the plan; its link to the finding cannot be made again: this cannot be undone.</source>
        <translation>Ta bort iakttagelsen «%1»?

Den har gjorts till åtgärden «%2», som finns kvar i planen; kopplingen till iakttagelsen kan inte återskapas: det går inte att ångra.</translation>
    </message>
    <message>
        <source>Make into measure</source>
        <translation>Gör till åtgärd</translation>
    </message>
    <message>
        <source>The finding is now the measure «%1».</source>
        <translation>Iakttagelsen är nu åtgärden «%1».</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Iakttagelse</translation>
    </message>
    <message>
        <source>Export findings as &amp;GeoJSON…</source>
        <translation>Exportera fynd som &amp;GeoJSON…</translation>
    </message>
    <message>
        <source>Write the findings that have coordinates as GeoJSON, for the municipality's map service</source>
        <translation>Skriv iakttagelserna som har koordinater som GeoJSON, för kommunens kartverktyg</translation>
    </message>
    <message>
        <source>Export findings as GeoJSON</source>
        <translation>Exportera fynd som GeoJSON</translation>
    </message>
    <message>
        <source>None of the findings has coordinates, so there is nothing to put on a map. Add them to the findings (%1 without coordinates) and export again.</source>
        <translation>Ingen av iakttagelserna har koordinater, så det finns inget att visa på en karta. Lägg till dem i iakttagelserna (%1 saknar koordinater) och exportera igen.</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>fynd</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson)</source>
        <translation>GeoJSON-filer (*.geojson)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>%1 findings exported to %2.</source>
        <translation>%1 fynd exporterades till %2.</translation>
    </message>
    <message>
        <source>%1 findings have no coordinates and were left out.</source>
        <translation>%1 fynd saknar koordinater och kom inte med.</translation>
    </message>
    <message>
        <source>Pick from the &amp;starter set…</source>
        <translation>Välj ur &amp;startpaketet…</translation>
    </message>
    <message>
        <source>Common indicators (and, while the plan is open, promises and measures) to start from</source>
        <translation>Vanliga indikatorer (och, så länge planen är öppen, löften och åtgärder) att börja med</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>Change source</source>
        <extracomment>A measure&apos;s title is at most this long (domain.validation.TITLE_MAX).</extracomment>
        <translation>Ändra källa</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Ny källa</translation>
    </message>
    <message>
        <source>e.g. The Police&apos;s safety survey 2021</source>
        <translation>t.ex. Polisens trygghetsmätning 2021</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Källa:</translation>
    </message>
</context>
<context>
    <name>SourceTableModel</name>
    <message>
        <source>Source</source>
        <extracomment>The id of the row&apos;s record (an int), on every column. The row&apos;s record itself. At most this many decimals are shown; a value is stored as typed (1 234,5; 57; 0,125).</extracomment>
        <translation>Källa</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Welcome to Medborgarlöften</source>
        <translation>Välkommen till Medborgarlöften</translation>
    </message>
    <message>
        <source>This database holds no agreements yet. Start with one of these; everything can be changed later, and Edit → Undo takes back any step.</source>
        <translation>Databasen har inga överenskommelser ännu. Börja med något av det här; allt kan ändras efteråt, och Redigera → Ångra tar tillbaka varje steg.</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>N&amp;y överenskommelse…</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Öppna &amp;demo</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importera…</translation>
    </message>
    <message>
        <source>User guide (F1)</source>
        <translation>Användarguide (F1)</translation>
    </message>
    <message>
        <source>Title, period and reporting periods, then the parties and the plan: promises and measures. An empty plan offers a starter set of common promises, measures and indicators.</source>
        <translation>Titel, giltighetstid och uppföljningsperioder, sedan parterna och planen: löften och åtgärder. En tom plan erbjuder ett startpaket med vanliga löften, åtgärder och indikatorer.</translation>
    </message>
    <message>
        <source>Look first: a separate demo database with Solna and Helsingborg, their follow-ups, situational picture, indicators and safety walks. This database is not touched; File → Recent files brings you back.</source>
        <translation>Titta först: en separat demodatabas med Solna och Helsingborg, deras uppföljningar, lägesbild, indikatorer och trygghetsvandringar. Den här databasen rörs inte; Arkiv → Senaste filer tar dig tillbaka.</translation>
    </message>
    <message>
        <source>An agreement in the exchange format (JSON) from a colleague or another database.</source>
        <translation>En överenskommelse i utbytesformatet (JSON) från en kollega eller en annan databas.</translation>
    </message>
    <message>
        <source>The first steps, from the database to sign-off and backups.</source>
        <translation>De första stegen, från databasen till undertecknande och säkerhetskopior.</translation>
    </message>
    <message>
        <source>This database cannot be changed: %1</source>
        <translation>Databasen kan inte ändras: %1</translation>
    </message>
</context>
<context>
    <name>StarterSetCommands</name>
    <message>
        <source>Add from the starter set (measures: %1, indicators: %2)</source>
        <translation>Lägg till från startpaketet (åtgärder: %1, indikatorer: %2)</translation>
    </message>
</context>
<context>
    <name>StarterSetDialog</name>
    <message>
        <source>Pick from the starter set</source>
        <translation>Välj ur startpaketet</translation>
    </message>
    <message>
        <source>Tick the promises, measures and indicators that fit your agreement. They are added as drafts you can change: the measures run over the agreement&apos;s whole period, owned by the party of the kind that usually carries them out. One undo (Ctrl+Z) takes them all back.</source>
        <translation>Kryssa i de löften, åtgärder och indikatorer som passar er överenskommelse. De läggs till som utkast som du kan ändra: åtgärderna gäller hela överenskommelsens period och får den part som brukar utföra dem som ansvarig. Ett ångra (Ctrl+Z) tar bort alltihop igen.</translation>
    </message>
    <message>
        <source>The starter set</source>
        <translation>Startpaketet</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Promises and measures</source>
        <translation>Löften och åtgärder</translation>
    </message>
    <message>
        <source>Promises and measures (the agreement is signed: its plan is locked)</source>
        <translation>Löften och åtgärder (överenskommelsen är undertecknad: planen är låst)</translation>
    </message>
    <message>
        <source>… promise to %1</source>
        <translation>… lovar att %1</translation>
    </message>
    <message>
        <source>Indicators for the situational picture</source>
        <translation>Indikatorer för lägesbilden</translation>
    </message>
    <message>
        <source>&amp;Add (measures: %1, indicators: %2)</source>
        <translation>&amp;Lägg till (åtgärder: %1, indikatorer: %2)</translation>
    </message>
</context>
<context>
    <name>StatusCountModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <source>Add organisation %1</source>
        <extracomment>How much of a text an undo label quotes. The rows (table, id) this command&apos;s action, undo or redo wrote.</extracomment>
        <translation>lägg till organisationen %1</translation>
    </message>
    <message>
        <source>Change organisation %1</source>
        <translation>ändra organisationen %1</translation>
    </message>
    <message>
        <source>Logo of %1</source>
        <translation>logotyp för %1</translation>
    </message>
    <message>
        <source>Remove the logo of %1</source>
        <translation>ta bort logotypen för %1</translation>
    </message>
</context>
<context>
    <name>UnsavedWork</name>
    <message>
        <source>Save the changes?</source>
        <translation>Spara ändringarna?</translation>
    </message>
    <message>
        <source>The form holds changes that are not saved.</source>
        <translation>Formuläret har ändringar som inte är sparade.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Don't save</source>
        <translation>Spara &amp;inte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Användarguide</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>ValueForm</name>
    <message>
        <source>Change value of %1</source>
        <translation>Ändra värde för %1</translation>
    </message>
    <message>
        <source>New value of %1</source>
        <translation>Nytt värde för %1</translation>
    </message>
    <message>
        <source>e.g. 2022, 2022-T2 or 2022-Q3</source>
        <translation>t.ex. 2022, 2022-T2 eller 2022-Q3</translation>
    </message>
    <message>
        <source>e.g. 1 234,5</source>
        <translation>t.ex. 1 234,5</translation>
    </message>
    <message>
        <source>&amp;Value (%1):</source>
        <translation>&amp;Värde (%1):</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Värde:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Kön:</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check the database</source>
        <translation>Kontrollera databasen</translation>
    </message>
    <message>
        <source>Checks that the database is what the program wrote: the change log and its checksums, the signed revisions, the plan of every signed agreement, and every row against the change log. Add printed documents to prove that the change log is still as it was when they were printed.</source>
        <translation>Kontrollerar att databasen är den som programmet skrev: ändringsloggen och dess kontrollsummor, de undertecknade revisionerna, planen i varje undertecknad överenskommelse och varje rad mot ändringsloggen. Lägg till utskrifter för att pröva att ändringsloggen fortfarande är som den var när de skrevs ut.</translation>
    </message>
    <message>
        <source>Printed documents to check against</source>
        <translation>Utskrifter att pröva mot</translation>
    </message>
    <message>
        <source>&amp;Add PDF…</source>
        <translation>&amp;Lägg till PDF…</translation>
    </message>
    <message>
        <source>e.g. 1234:9f2c1a0b7e3d</source>
        <translation>t.ex. 1234:9f2c1a0b7e3d</translation>
    </message>
    <message>
        <source>Log value from a printed footer</source>
        <translation>Loggvärde från en utskrifts sidfot</translation>
    </message>
    <message>
        <source>Log value from a paper &amp;copy:</source>
        <translation>Loggvärde från en &amp;papperskopia:</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Kontrollens resultat</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Kontrollera</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kan inte läsas (%2).</translation>
    </message>
    <message>
        <source>%1 carries no value of the change log (it was not written by this program, or by an older version).</source>
        <translation>%1 bär inget värde för ändringsloggen (den är inte skriven av det här programmet, eller av en äldre version).</translation>
    </message>
    <message>
        <source>«%1» is not a log value like 1234:9f2c1a0b7e3d (it is at the end of the footer of a printout).</source>
        <translation>«%1» är inget loggvärde som 1234:9f2c1a0b7e3d (det står sist i sidfoten på en utskrift).</translation>
    </message>
    <message>
        <source>%1 was printed from another database, so it cannot prove anything about this one. Choose a printout of this database.</source>
        <translation>%1 är utskriven från en annan databas och kan inte pröva den här. Välj en utskrift från den här databasen.</translation>
    </message>
    <message>
        <source>Log value %1</source>
        <translation>Loggvärdet %1</translation>
    </message>
    <message>
        <source>The database has been changed outside the program. The first problem comes first:</source>
        <translation>Databasen har ändrats utanför programmet. Första felet först:</translation>
    </message>
    <message>
        <source>The change log is unbroken (%1 entries, every checksum right, and it ends where it should).</source>
        <translation>Ändringsloggen är obruten (%1 poster, alla kontrollsummor stämmer, och den slutar där den ska).</translation>
    </message>
    <message>
        <source>The signed revisions are unchanged (%1, every checksum right).</source>
        <translation>De undertecknade revisionerna är oförändrade (%1 st, alla kontrollsummor stämmer).</translation>
    </message>
    <message>
        <source>The plan of the %1 signed or closed agreements is the one that was signed.</source>
        <translation>Planen i de %1 undertecknade eller avslutade överenskommelserna är den som undertecknades.</translation>
    </message>
    <message>
        <source>Every row agrees with the change log.</source>
        <translation>Varje rad stämmer med ändringsloggen.</translation>
    </message>
    <message>
        <source>%1: the database still has the change log as it was when it was written.</source>
        <translation>%1: databasen har kvar ändringsloggen som den var när den skrevs.</translation>
    </message>
    <message>
        <source>The database is what the program wrote.</source>
        <translation>Databasen är den som programmet skrev.</translation>
    </message>
    <message>
        <source>The adopted follow-ups are unchanged (%1, every checksum right).</source>
        <translation>De fastställda uppföljningarna är oförändrade (%1 st, alla kontrollsummor stämmer).</translation>
    </message>
</context>
<context>
    <name>VersionsPage</name>
    <message>
        <source>Version status</source>
        <extracomment>What a signed revision holds (and so &quot;changes since signing&quot; compares), and the revisions. The agreement&apos;s state or revision changed here (signed, new revision): the window updates its list.</extracomment>
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
    <message>
        <source>Adopted follow-ups</source>
        <translation>Fastställda uppföljningar</translation>
    </message>
    <message>
        <source>A&amp;dopt follow-up…</source>
        <translation>Fas&amp;tställ uppföljning…</translation>
    </message>
    <message>
        <source>Record that a council or the board adopted a period&apos;s follow-up, and keep the report as it is now</source>
        <translation>Registrera att ett råd eller kommunstyrelsen har fastställt en periods uppföljning, och spara rapporten som den ser ut nu</translation>
    </message>
    <message>
        <source>Preview adopted &amp;report…</source>
        <translation>Förhandsgranska fastställd &amp;rapport…</translation>
    </message>
    <message>
        <source>The selected adopted follow-up report, exactly as it was kept</source>
        <translation>Den valda fastställda uppföljningsrapporten, precis som den sparades</translation>
    </message>
    <message>
        <source>Adopt the follow-up</source>
        <translation>Fastställ uppföljningen</translation>
    </message>
    <message>
        <source>The follow-up %1 is adopted and kept as version %2. Fingerprint %3 (SHA-256 %4).</source>
        <translation>Uppföljningen %1 är fastställd och sparad som version %2. Fingeravtryck %3 (SHA-256 %4).</translation>
    </message>
    <message>
        <source>Preview adopted report</source>
        <translation>Förhandsgranska fastställd rapport</translation>
    </message>
    <message>
        <source>%1 follow-up %2 adopted version %3.pdf</source>
        <translation>%1 uppföljning %2 fastställd version %3.pdf</translation>
    </message>
    <message>
        <source>report.pdf</source>
        <translation>rapport.pdf</translation>
    </message>
    <message>
        <source>The adopted follow-ups could not be compared with the data: %1</source>
        <translation>De fastställda uppföljningarna kunde inte jämföras med uppgifterna: %1</translation>
    </message>
    <message>
        <source>Signed revision %1, %2</source>
        <translation>Undertecknad revision %1, %2</translation>
    </message>
    <message>
        <source>Signed revision %1</source>
        <translation>Undertecknad revision %1</translation>
    </message>
    <message>
        <source>Draft (revision %1, not signed)</source>
        <translation>Utkast (revision %1, ej undertecknad)</translation>
    </message>
    <message>
        <source>Revision %1 as it stands (not signed)</source>
        <translation>Revision %1 som den ser ut nu (ej undertecknad)</translation>
    </message>
    <message>
        <source>Show the &amp;draft</source>
        <translation>&amp;Visa utkastet</translation>
    </message>
    <message>
        <source>Show the draft being edited instead of the signed revision</source>
        <translation>Visa utkastet som redigeras i stället för den undertecknade revisionen</translation>
    </message>
</context>
<context>
    <name>WalkForm</name>
    <message>
        <source>Change safety walk</source>
        <translation>Ändra trygghetsvandring</translation>
    </message>
    <message>
        <source>New safety walk</source>
        <translation>Ny trygghetsvandring</translation>
    </message>
    <message>
        <source>e.g. Hagalund centre</source>
        <translation>t.ex. Hagalund centrum</translation>
    </message>
    <message>
        <source>Who took part, one per line</source>
        <translation>Vilka som deltog, en per rad</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Plats:</translation>
    </message>
    <message>
        <source>P&amp;articipants:</source>
        <translation>D&amp;eltagare:</translation>
    </message>
</context>
<context>
    <name>WalkTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>How many findings the walk has</source>
        <translation>Antal iakttagelser vid vandringen</translation>
    </message>
    <message>
        <source>%1 findings, %2 of them made into measures</source>
        <translation>%1 iakttagelser, varav %2 gjorda till åtgärder</translation>
    </message>
</context>
<context>
    <name>WriteAccess</name>
    <message>
        <source>Your account may only read. Changing needs the role %1.</source>
        <translation>Ditt konto får bara läsa. Att ändra kräver rollen %1.</translation>
    </message>
    <message>
        <source>The database is open for reading only.</source>
        <translation>Databasen är öppnad skrivskyddad.</translation>
    </message>
    <message>
        <source>Signing and adopting needs the role %1.</source>
        <translation>Att underteckna och fastställa kräver rollen %1.</translation>
    </message>
</context>
</TS>
