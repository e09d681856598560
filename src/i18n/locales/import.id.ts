import { CELL_MESSAGES, SUMMARY_MESSAGES } from '../../domain/import/messages';
/**
 * Strings of the spreadsheet import (issue 14): the problems and cell errors of
 * src/domain/import by their codes, the fields to map columns to, progress. import.en.ts has the
 * same keys. The LocalePart 'import' (src/i18n/index.ts), loaded with the import page.
 */
export const importId = {
  import: {
    /** The import page (/imports): steps, history and undo. */
    page: {
      title: 'Impor',
      intro: 'Bawa data dari lembar kerja Excel atau berkas CSV ke Mitra: pilih berkas, cocokkan kolom, periksa pratinjau, lalu impor.',
      forbidden: 'Peran Anda tidak dapat menambah data, jadi tidak dapat mengimpor.',
      stepOf: 'Langkah {{step}} dari 4',
      steps: { choose: 'Pilih berkas', mapping: 'Cocokkan kolom', preview: 'Pratinjau', result: 'Selesai' },
      choose: {
        resource: 'Apa yang diimpor?',
        file: 'Berkas',
        fileHint: 'CSV (dipisah koma, titik koma atau tab) atau Excel .xlsx, paling besar {{maxMb}} MB. Baris pertama berisi judul kolom.',
        sheet: 'Lembar kerja',
        sheetHint: 'Buku kerja ini memiliki beberapa lembar. Pilih yang berisi data.',
        noFile: 'Pilih berkas CSV atau XLSX',
        noResource: 'Pilih apa yang diimpor',
        submit: 'Periksa berkas',
        checking: 'Memeriksa berkas di peramban Anda…',
        uploading: 'Mengunggah berkas ke Mitra…',
        readRows: '{{rows}} baris terbaca.',
      },
      mapping: {
        intro: 'Setiap kolom berkas diisikan ke satu isian Mitra. Kolom yang dikenali sudah dicocokkan; ubah bila perlu.',
        caption: 'Kolom berkas dan isian Mitra',
        column: 'Kolom',
        header: 'Judul kolom di berkas',
        example: 'Contoh isi',
        field: 'Diisikan ke',
        fieldOf: 'Isian Mitra untuk kolom {{header}}',
        source: { automatic: 'Dicocokkan otomatis', remembered: 'Seperti impor sebelumnya', user: 'Dipilih Anda', none: 'Tidak dicocokkan' },
        required: '{{field}} (wajib)',
        submit: 'Lanjut ke pratinjau',
      },
      preview: {
        intro: 'Belum ada yang disimpan. Periksa hasil setiap baris, lalu pilih cara melanjutkan.',
        counts: 'Jumlah baris menurut hasil',
        countsFirst: 'Baru, diperbarui dan tidak berubah dihitung dari {{shown}} baris pertama; yang bermasalah dari seluruh berkas.',
        create: 'Baru',
        update: 'Diperbarui',
        unchanged: 'Tidak berubah',
        error: 'Bermasalah',
        caption: 'Baris berkas dan hasilnya',
        captionSome: 'Baris berkas dan hasilnya ({{shown}} pertama dari {{total}})',
        row: 'Baris',
        outcome: 'Hasil',
        errorsTitle: 'Ada masalah di {{count}} baris',
        moreErrors: 'dan {{count}} masalah lain: unduh berkas galat untuk melihat semuanya.',
        errorsFile: 'Unduh berkas galat (CSV)',
        errorsFileHint: 'Baris yang bermasalah dengan kolom alasan. Perbaiki di berkas itu lalu unggah lagi.',
        choiceTitle: 'Bagaimana melanjutkan?',
        importValid: 'Impor {{count}} baris yang benar saja',
        importAll: 'Impor {{count}} baris',
        fixAndUpload: 'Perbaiki dan unggah lagi',
        changeMapping: 'Ubah pencocokan kolom',
        nothingValid: 'Tidak ada baris yang dapat diimpor. Perbaiki berkas lalu unggah lagi.',
        committing: 'Mengimpor…',
        startsToday: 'Tanpa tanggal mulai: kemitraan dimulai hari ini',
        startsTodayCount: 'Kemitraan baru tanpa tanggal mulai, yang akan dimulai hari ini: {{n}}. Tambahkan kolom “Tanggal mulai tahap ini” untuk memberi tanggalnya.',
      },
      result: {
        title: 'Impor selesai',
        intro: '{{file}}: {{created}} baru, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{skipped}} dilewati.',
        see: 'Lihat di daftar {{list}}',
        another: 'Impor berkas lain',
      },
      history: {
        title: 'Riwayat impor',
        intro: 'Setiap impor dapat diurungkan: data yang dibuatnya dihapus dan data yang diubahnya dipulihkan.',
        caption: 'Impor, terbaru lebih dulu',
        empty: 'Belum ada impor.',
        file: 'Berkas',
        resource: 'Data',
        who: 'Oleh',
        when: 'Waktu',
        counts: 'Jumlah',
        countsText: '{{created}} baru, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{skipped}} dilewati',
        rowsText: '{{rows}} baris, {{invalid}} bermasalah',
        status: 'Status',
        statuses: { previewed: 'Belum diimpor', committed: 'Diimpor', undone: 'Diurungkan' },
        undoneBy: 'Diurungkan oleh {{name}}',
        actions: 'Tindakan',
        undo: 'Urungkan',
        undoOf: 'Urungkan impor {{file}}',
        allShown: 'Semua impor ditampilkan.',
      },
      undo: {
        title: 'Urungkan impor {{file}}?',
        body: 'Data yang dibuat impor ini dihapus dan data yang diubahnya dikembalikan seperti sebelum impor.',
        confirm: 'Ya, urungkan',
        cancel: 'Batal',
        done: 'Impor {{file}} diurungkan: {{removed}} dihapus, {{restored}} dipulihkan.',
        conflictTitle: 'Impor ini tidak dapat diurungkan',
        conflictBody: 'Data berikut diubah setelah impor. Tidak ada yang diubah. Kembalikan atau ubah data ini secara manual.',
        failed: 'Impor tidak dapat diurungkan: {{reason}}',
      },
      failed: {
        title: 'Terjadi masalah',
        kept: 'Berkas dan pilihan Anda tetap tersimpan di halaman ini. Belum ada yang diimpor.',
        retry: 'Coba lagi',
        invalid: 'Masih ada {{count}} baris bermasalah. Pilih "Impor baris yang benar saja" atau perbaiki berkas.',
        already: 'Impor ini sudah diimpor atau diurungkan. Tidak ada yang diubah.',
      },
      entities: { partnership: 'Kemitraan', region: 'Daerah', organization: 'Organisasi', person: 'Orang', meeting: 'Pertemuan', followUp: 'Tindak lanjut' },
      lists: { partnerships: 'kemitraan', people: 'data rujukan (orang)', meetings: 'pertemuan', 'follow-ups': 'tindak lanjut' },
    },
    resources: {
      partnerships: 'Kemitraan',
      people: 'Orang',
      meetings: 'Pertemuan',
      'follow-ups': 'Tindak lanjut',
    },
    progress: {
      read: 'Membaca berkas… {{percent}}%',
      validate: 'Memeriksa baris {{done}} dari {{total}}',
      timeLeft: 'Sekitar {{seconds}} detik lagi',
      cancel: 'Batalkan',
    },
    /** The whole file cannot be read: nothing was imported. */
    fileProblem: {
      empty: 'Berkas ini kosong. Pilih berkas yang berisi baris judul kolom dan data di bawahnya.',
      tooLarge:
        'Berkas ini lebih dari {{maxMb}} MB. Bagi menjadi beberapa berkas yang lebih kecil lalu unggah satu per satu.',
      binary:
        'Berkas ini bukan CSV atau XLSX. Di Excel, simpan sebagai "CSV UTF-8" atau "Buku Kerja Excel (.xlsx)".',
      wrongFormat:
        'Isi berkas ini tidak sesuai dengan namanya. Simpan ulang dari Excel sebagai CSV atau .xlsx, lalu unggah lagi.',
      unsupportedFormat:
        'Format Excel lama (.xls) atau berkas yang dilindungi kata sandi tidak dapat dibaca. Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx.',
      encoding:
        'Huruf dalam berkas ini tidak dapat dibaca. Di Excel, simpan sebagai "CSV UTF-8 (dipisahkan koma)", lalu unggah lagi.',
      tooManyColumns:
        'Baris {{row}} memiliki {{found}} kolom; paling banyak {{max}}. Periksa apakah pemisah kolomnya benar.',
      tooManyRows:
        'Berkas ini memiliki {{found}} baris; paling banyak {{max}} sekali unggah. Bagi menjadi beberapa berkas.',
      duplicateHeader:
        'Judul kolom "{{header}}" muncul dua kali (kolom {{columns}}). Ganti nama salah satunya, lalu unggah lagi.',
      noRows: 'Berkas ini hanya berisi judul kolom. Tambahkan data di bawahnya.',
      unreadableWorkbook:
        'Buku kerja ini rusak atau tidak dapat dibuka. Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.',
      sheetNotFound: 'Lembar kerja "{{sheet}}" tidak ada dalam buku kerja ini.',
      aborted: 'Pembacaan berkas dibatalkan. Tidak ada yang diimpor.',
    },
    /** The columns as a whole. */
    mappingProblem: {
      noColumnsMatched:
        'Tidak ada judul kolom yang dikenali. Pasangkan setiap kolom dengan isian Mitra di bawah ini.',
      requiredFieldUnmapped: 'Belum ada kolom untuk "{{field}}". Pilih kolom yang berisi data ini.',
      fieldMappedTwice: '"{{field}}" dipasangkan dengan lebih dari satu kolom. Pilih satu saja.',
    },
    /** One cell (or row): shown beside the cell and in the error summary. */
    cellError: CELL_MESSAGES.id,
    summary: {
      title: 'Ada masalah pada {{count}} baris',
      cell: SUMMARY_MESSAGES.id.cell,
      row: SUMMARY_MESSAGES.id.row,
    },
    errorsFile: {
      reasonHeader: SUMMARY_MESSAGES.id.reasonHeader,
      fileName: 'mitra-impor-galat-{{date}}.csv',
    },
    /** The fields a column can be mapped to, per resource. */
    fields: {
      notImported: 'Tidak diimpor',
      id: 'ID Mitra',
      title: 'Judul',
      description: 'Keterangan',
      status: 'Status',
      priority: 'Prioritas',
      partnership: 'Kemitraan',
      owner: 'Penanggung jawab',
      dueDate: 'Tenggat',
      sectors: 'Sektor',
      meeting: 'Pertemuan',
      homeRegion: 'Daerah asal',
      partnerRegion: 'Daerah mitra',
      partnerLocalName: 'Nama dalam aksara setempat',
      partnerLevel: 'Tingkat pemerintahan',
      partnerCountry: 'Negara',
      partnerProvince: 'Provinsi / negara bagian',
      partnerOrganization: 'Organisasi mitra',
      partnerOrganizationKind: 'Jenis organisasi',
      type: 'Jenis kemitraan',
      stage: 'Tahap',
      stageDate: 'Tanggal mulai tahap ini',
      focusSectors: 'Sektor fokus',
      facilitators: 'Organisasi fasilitator',
      coordinator: 'Koordinator',
      loiDate: 'Tanggal letter of intent',
      mouSignedDate: 'Tanggal MoU ditandatangani',
      mouExpiresDate: 'Tanggal MoU berakhir',
      notes: 'Catatan',
      name: 'Nama',
      position: 'Jabatan',
      region: 'Daerah',
      organization: 'Organisasi',
      email: 'Surel',
      phone: 'Telepon',
      kind: 'Jenis pertemuan',
      date: 'Tanggal pertemuan',
      time: 'Waktu',
      timeZone: 'Zona waktu',
      place: 'Tempat',
      hostLead: 'Pimpinan tuan rumah',
      delegationLead: 'Pimpinan delegasi',
      summary: 'Ringkasan',
      outcomes: 'Hasil',
      sourceUrl: 'Tautan sumber',
      publisher: 'Penerbit',
      row: 'Baris',
    },
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every locale of the import has exactly these keys. */
export type ImportResources = Widen<typeof importId>;
