<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>AgreementTreeModel</name>
    <message>
        <source>Agreements</source>
        <extracomment>Characters per line of an agreement's title in the tree. The agreement's id on every item of its row.</extracomment>
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
</TS>