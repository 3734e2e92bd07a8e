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
        <source>Import indicator values from %1</source>
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
        <source>Situation and indicators</source>
        <translation>Lägesbild och indikatorer</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Medborgarlöften</source>
        <translation>&amp;Om Medborgarlöften</translation>
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
        <source>%1 could not be written: %2</source>
        <translation>%1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>Measures exported to %1</source>
        <translation>Åtgärderna exporterades till %1</translation>
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
    <name>RecordForm</name>
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
    <name>ReportDialog</name>
    <message>
        <source>Create report</source>
        <extracomment>Lines of &quot;Next steps&quot; visible without scrolling.</extracomment>
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
        <source>&amp;Annual report (all periods)</source>
        <translation>Å&amp;rsrapport (alla perioder)</translation>
    </message>
    <message>
        <source>Annual report over all periods</source>
        <translation>Årsrapport över alla perioder</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Uppföljningsperiod</translation>
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
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>Creating the report…</source>
        <extracomment>A render quicker than this shows no flash of a progress dialog. The preview of the render just finished is open. The render failed: the widget it was started over, and the reason for the person. The person pressed Cancel: the render&apos;s result will be dropped. (task number, file name, the widget the preview opens over) of the render awaited.</extracomment>
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
    <name>SituationCommands</name>
    <message>
        <source>add source «%1»</source>
        <extracomment>How much of a text an undo label quotes.</extracomment>
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
</TS>
