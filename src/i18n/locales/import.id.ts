/**
 * Strings of the spreadsheet import (issue 14): the problems and cell errors of
 * src/domain/import by their codes, the fields to map columns to, progress. import.en.ts has the
 * same keys. Not yet a LocalePart in src/i18n/index.ts: the import page will add it (and move
 * ImportResources into types.ts) when it is wired.
 */
export const importId = {
  import: {
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
    cellError: {
      required: 'Isi {{field}}',
      invalidType: '{{field}} berisi jenis nilai yang salah',
      tooShort: '{{field}} harus paling sedikit {{min}} karakter',
      tooLong: '{{field}} harus {{max}} karakter atau kurang',
      tooMany: '{{field}} paling banyak berisi {{max}} butir',
      tooSmall: '{{field}} paling sedikit {{min}}',
      tooBig: '{{field}} paling banyak {{max}}',
      invalidOption: '"{{value}}" bukan pilihan yang dikenal untuk {{field}}',
      invalidDate: '{{field}} harus tanggal yang benar, seperti 22/09/2025 atau 22 September 2025',
      invalidTime: '{{field}} harus jam seperti 09.30 atau 14:00',
      invalidUrl: '{{field}} harus alamat web yang diawali http:// atau https://',
      invalidEmail: '{{field}} harus alamat email seperti nama@tangerangkab.go.id',
      invalidCountry:
        '"{{value}}" bukan negara yang dikenal; tulis nama negara atau kode dua hurufnya, seperti CN',
      invalidTimeZone: '{{field}} harus zona waktu seperti Asia/Jakarta',
      invalidFormat: '{{field}} tidak dalam format yang benar',
      invalidNumber: '{{field}} harus angka, seperti 1.234,5',
      unknownField: '{{field}} tidak dapat diisi di sini',
      unknownReference:
        '"{{value}}" tidak ditemukan di Mitra ({{field}}). Periksa ejaannya atau tambahkan dulu datanya',
      ambiguousReference:
        '"{{value}}" cocok dengan lebih dari satu data ({{candidates}}). Tulis lebih lengkap, misalnya dengan alamat email',
      dueDateRequired: 'Tindak lanjut yang belum selesai perlu tenggat',
      dueBeforeMeeting: 'Tenggat tidak boleh sebelum tanggal pertemuan',
      reasonRequired: 'Beri alasan bila tindak lanjut terhambat',
      partnerRequired: 'Isi daerah mitra atau organisasi mitra (salah satu)',
      partnerConflict: 'Isi daerah mitra atau organisasi mitra, tidak keduanya',
      affiliationRequired: 'Isi daerah atau organisasi asal orang ini',
      dateOrder: 'Tanggal berakhir harus sesudah tanggal mulai',
      duplicate: 'Nilai ini sudah dipakai',
      duplicateRow: 'Baris ini sama dengan baris {{firstRow}}',
      invalid: '{{field}} tidak valid',
    },
    summary: {
      title: 'Ada masalah pada {{count}} baris',
      cell: 'Sel {{cell}}: {{message}}',
      row: 'Baris {{row}}: {{message}}',
    },
    errorsFile: {
      reasonHeader: 'Alasan',
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

/** Every locale of the import has exactly these keys (to move into ../types.ts when wired). */
export type ImportResources = Widen<typeof importId>;
